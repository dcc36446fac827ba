package io.tradecore.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which other processes have a file open, read from {@code /proc} (Linux): when a runner cannot get
 * a lock (a SQLite database's write lock, the daily log file's), this names who may hold it, and
 * whether that process is stopped (SIGSTOP, a debugger) rather than working.
 */
public final class FileHolders {
  private FileHolders() {}

  /** As {@link #of}, for a SQLite database with its -wal and -shm files. */
  public static List<String> ofSqlite(Path db) {
    Path file = db.toAbsolutePath().normalize();
    return of(List.of(file, Path.of(file + "-wal"), Path.of(file + "-shm")));
  }

  /**
   * A description of every other process that has one of {@code files} open, for example {@code pid
   * 4242 (java -cp ... run --portfolio p; stopped)}; empty where {@code /proc} cannot be read.
   */
  public static List<String> of(List<Path> files) {
    List<String> out = new ArrayList<>();
    List<Path> names = files.stream().map(f -> f.toAbsolutePath().normalize()).toList();
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path proc : procs) {
        long pid = Long.parseLong(proc.getFileName().toString());
        if (pid != self && hasOpen(proc, names)) {
          out.add("pid " + pid + " (" + commandLine(proc) + stateNote(proc) + ")");
        }
      }
    } catch (IOException | RuntimeException e) {
      return out;
    }
    return out;
  }

  private static boolean hasOpen(Path proc, List<Path> names) {
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
      for (Path fd : fds) {
        try {
          if (names.contains(Files.readSymbolicLink(fd))) {
            return true;
          }
        } catch (IOException e) {
          // closed meanwhile
        }
      }
    } catch (IOException | SecurityException e) {
      return false;
    }
    return false;
  }

  private static String commandLine(Path proc) {
    try {
      String cmd =
          new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
              .replace('\0', ' ')
              .strip();
      return cmd.length() > 160
          ? cmd.substring(0, 80) + " ... " + cmd.substring(cmd.length() - 70)
          : cmd;
    } catch (IOException e) {
      return "?";
    }
  }

  private static String stateNote(Path proc) {
    try {
      String stat = Files.readString(proc.resolve("stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state == 'T' || state == 't' ? "; stopped" : "";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
