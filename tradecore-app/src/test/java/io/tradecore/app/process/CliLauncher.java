package io.tradecore.app.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts the real {@code tradecore} command line ({@code io.tradecore.app.Main}) in JVMs of its
 * own, on the test's class path, in a working folder of the test's, with stdout and stderr in files
 * there and an environment whose {@code TRADECORE_*} variables are exactly the ones given (so the
 * developer's own settings cannot leak in). It remembers every process it started; {@link #close()}
 * kills those still running.
 */
final class CliLauncher implements AutoCloseable {
  private static String classPath;
  private final Path dir;
  private final Map<String, String> env;
  private final String mainClass;
  private final List<CliProcess> started = new ArrayList<>();

  /**
   * @param dir working folder of the processes; their output goes to {@code dir/logs}
   * @param env the {@code TRADECORE_*} variables the processes see
   */
  CliLauncher(Path dir, Map<String, String> env) {
    this(dir, env, "io.tradecore.app.Main");
  }

  /** As {@link #CliLauncher(Path, Map)}, starting another main class of the test class path. */
  CliLauncher(Path dir, Map<String, String> env, String mainClass) {
    this.dir = dir;
    this.env = Map.copyOf(env);
    this.mainClass = mainClass;
  }

  /** Starts {@code tradecore ARGS...}; {@code label} names its output files and messages. */
  synchronized CliProcess start(String label, List<String> args) throws IOException {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    Path tmp = Files.createDirectories(dir.resolve("jvm-tmp"));
    String name = String.format(Locale.ROOT, "%03d-%s", started.size() + 1, label);
    Path out = logs.resolve(name + ".out");
    Path err = logs.resolve(name + ".err");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(classPath());
    command.add("-Djava.io.tmpdir=" + tmp);
    // As ./tradecore starts it: SQLite's driver loads a native library.
    command.add("--enable-native-access=ALL-UNNAMED");
    // Short-lived JVMs on a small machine: quick start-up, little background work.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add(mainClass);
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("TRADECORE_"));
    builder.environment().putAll(env);
    CliProcess process = new CliProcess(label, builder.start(), out, err);
    started.add(process);
    return process;
  }

  /**
   * The test's class path, with the project's own classes and jars (folders, and jars under
   * io/tradecore in the local repository) copied once per test JVM: every process the tests start
   * runs the same code, even if the project is rebuilt while they run. The copy is deleted when the
   * test JVM exits.
   */
  private static synchronized String classPath() throws IOException {
    if (classPath != null) {
      return classPath;
    }
    Path copies =
        Files.createTempDirectory(
            Path.of(System.getProperty("java.io.tmpdir")), "tradecore-process-classpath-");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(copies)));
    List<String> entries = new ArrayList<>();
    int n = 0;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      boolean own =
          Files.isDirectory(path)
              || entry.replace(File.separatorChar, '/').contains("/io/tradecore/");
      if (!own || !Files.exists(path)) {
        entries.add(entry);
        continue;
      }
      Path copy = copies.resolve((n++) + "-" + path.getFileName());
      if (Files.isDirectory(path)) {
        try (Stream<Path> files = Files.walk(path)) {
          for (Path from : (Iterable<Path>) files::iterator) {
            Path to = copy.resolve(path.relativize(from).toString());
            if (Files.isDirectory(from)) {
              Files.createDirectories(to);
            } else {
              Files.copy(from, to);
            }
          }
        }
      } else {
        Files.copy(path, copy);
      }
      entries.add(copy.toString());
    }
    classPath = String.join(File.pathSeparator, entries);
    return classPath;
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Best effort: it lives under the build's temporary folder anyway.
    }
  }

  /** Kills (SIGKILL) every process it started that is still running. */
  @Override
  public synchronized void close() {
    for (CliProcess p : started) {
      if (p.isAlive()) {
        try {
          p.kill();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
