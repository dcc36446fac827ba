package io.tradecore.app.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** One {@code tradecore} process started by a {@link CliLauncher}, with its output in files. */
final class CliProcess {
  /** The exit code the JVM reports for a process ended by SIGKILL (128 + 9). */
  static final int SIGKILL_EXIT = 137;

  private final String label;
  private final Process process;
  private final Path stdout;
  private final Path stderr;

  CliProcess(String label, Process process, Path stdout, Path stderr) {
    this.label = label;
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  String label() {
    return label;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code, or fails (killing the process) if it has not ended within {@code timeout}. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
      throw new AssertionError(
          label + " did not end within " + timeout + "; killed it. " + describe());
    }
    return process.exitValue();
  }

  /** Whether it has ended within {@code timeout}. */
  boolean waitFor(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Ends the process with SIGKILL ({@link Process#destroyForcibly()} on Linux), so nothing of it
   * runs afterwards: no shutdown hook, no finally block, no flush. Returns its exit code.
   */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError(label + " (pid " + pid() + ") survived SIGKILL for 30 s");
    }
    return process.exitValue();
  }

  /** Freezes the process (SIGSTOP), as a long GC pause or a stalled disk would. */
  void pause() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** Lets a paused process go on (SIGCONT). */
  void resume() throws IOException, InterruptedException {
    signal("CONT");
  }

  private void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).start();
    if (kill.waitFor() != 0) {
      throw new AssertionError("kill -" + name + " " + pid() + " failed");
    }
  }

  /** Asks the process to stop with SIGTERM ({@link Process#destroy()} on Linux). */
  void terminate() {
    process.destroy();
  }

  String stdout() {
    return read(stdout);
  }

  String stderr() {
    return read(stderr);
  }

  /** The label, pid, state and both outputs, for failure messages. */
  String describe() {
    return label
        + " (pid "
        + pid()
        + (process.isAlive() ? ", running" : ", exit " + process.exitValue())
        + ") stdout: ["
        + stdout().strip()
        + "] stderr: ["
        + stderr().strip()
        + "]";
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
