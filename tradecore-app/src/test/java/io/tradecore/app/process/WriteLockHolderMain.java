package io.tradecore.app.process;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Holds a SQLite database's write lock until killed, as a runner frozen inside a commit does.
 * Argument: the database file. Prints {@code locked} once it holds the lock.
 */
public final class WriteLockHolderMain {
  private WriteLockHolderMain() {}

  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]);
        Statement s = c.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      s.execute("UPDATE portfolios SET name = name");
      System.out.println("locked");
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
