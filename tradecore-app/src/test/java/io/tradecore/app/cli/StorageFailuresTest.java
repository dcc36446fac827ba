package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk and a read-only database are said in those words, on one line. */
class StorageFailuresTest {
  @TempDir Path tmp;
  Workdir w;

  @BeforeEach
  void setUp() {
    w = new Workdir(tmp);
    w.ok("init");
  }

  private Cli.Run runWith(String databaseUrl) {
    Map<String, String> env = new HashMap<>(w.env);
    env.put("TRADECORE_DB_URL", databaseUrl);
    return Cli.run(
        env,
        "run",
        "--portfolio",
        "main",
        "--strategy",
        "sma-cross",
        "--param",
        "fast=2",
        "--param",
        "slow=4",
        "--feed",
        "replay:" + w.zigzagFeed("ZIG", 2000));
  }

  @Test
  void a_database_that_fills_its_disk_says_disk_full() throws IOException {
    // SQLite's max_page_count stands for the disk: a few pages more than the database has now.
    long pages = Files.size(w.database()) / 4096;

    Cli.Run run = runWith("jdbc:sqlite:" + w.database() + "?max_page_count=" + (pages + 4));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines())
        .singleElement()
        .isEqualTo(
            "error: disk full: the database or a file beside it could not be written; free some"
                + " space and run the command again");
    assertThat(w.query("SELECT end_reason FROM runs")).containsExactly("failed");
  }

  @Test
  void a_read_only_database_says_so_at_once() throws IOException {
    Files.setPosixFilePermissions(w.database(), PosixFilePermissions.fromString("r--r--r--"));
    Files.setPosixFilePermissions(w.dataDir, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeFalse(Files.isWritable(w.database()), "root writes read-only files");

      Cli.Run run = runWith("jdbc:sqlite:" + w.database());

      assertThat(run.err().lines())
          .singleElement()
          .asString()
          .startsWith("error: the database " + w.database() + " is read-only");
    } finally {
      Files.setPosixFilePermissions(w.dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.setPosixFilePermissions(w.database(), PosixFilePermissions.fromString("rw-r--r--"));
    }
  }
}
