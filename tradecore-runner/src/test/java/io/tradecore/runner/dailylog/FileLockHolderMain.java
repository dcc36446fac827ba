package io.tradecore.runner.dailylog;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Locks the file named by its argument, as a daily log writer does, prints "locked", and keeps the
 * lock until its standard input closes: a process stopped in the middle of writing the log.
 */
public final class FileLockHolderMain {
  private FileLockHolderMain() {}

  public static void main(String[] args) throws Exception {
    try (FileChannel channel =
        FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      channel.lock();
      System.out.println("locked");
      System.out.flush();
      while (System.in.read() >= 0) {
        // holds the lock
      }
    }
  }
}
