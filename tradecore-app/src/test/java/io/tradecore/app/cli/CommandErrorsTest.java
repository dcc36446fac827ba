package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corrupt or unknown config value, a missing portfolio, an unreadable feed and a run before init
 * each give one line on stderr naming the problem, a non-zero exit, and an untouched database.
 */
class CommandErrorsTest {
  @TempDir Path tmp;
  Workdir w;
  Path feed;

  @BeforeEach
  void setUp() {
    w = new Workdir(tmp);
    feed = w.zigzagFeed("ZIG", 20);
  }

  private Cli.Run run(String portfolio, String feedSpec, String... more) {
    String[] base = {
      "run",
      "--portfolio",
      portfolio,
      "--strategy",
      "sma-cross",
      "--param",
      "fast=2",
      "--param",
      "slow=4",
      "--feed",
      feedSpec
    };
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return w.run(args);
  }

  /** Runs the command and checks: one error line containing every part, exit != 0, no change. */
  private void fails(Cli.Run run, String before, String... parts) {
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).singleElement().asString().startsWith("error: ").contains(parts);
    assertThat(w.fingerprint()).isEqualTo(before);
  }

  @Test
  void a_corrupt_config_value_is_named_and_changes_nothing() {
    w.ok("init");
    String before = w.fingerprint();
    Path config =
        w.write(
            "bad.yaml",
            """
            portfolio_defaults:
              time_zone: Mars/Base
            """);

    fails(
        run("main", "replay:" + feed, "--config", config.toString()),
        before,
        "Mars/Base",
        "time_zone");
    fails(
        w.run("status", "--portfolio", "main", "--config", config.toString()), before, "Mars/Base");
    fails(w.run("init", "--config", config.toString()), before, "Mars/Base");
  }

  @Test
  void an_unknown_config_key_is_named_and_changes_nothing() {
    w.ok("init");
    String before = w.fingerprint();
    Path config = w.write("typo.yaml", "databse:\n  url: jdbc:sqlite:elsewhere.db\n");

    fails(run("main", "replay:" + feed, "--config", config.toString()), before, "databse");
    fails(w.run("db", "migrate", "--config", config.toString()), before, "databse");
  }

  @Test
  void a_missing_portfolio_is_named_with_the_known_ones_and_changes_nothing() {
    w.ok("init");
    String before = w.fingerprint();

    fails(run("nope", "replay:" + feed), before, "no portfolio named 'nope'", "known: main");
    fails(w.run("status", "--portfolio", "nope"), before, "'nope'");
    fails(w.run("resync", "--portfolio", "nope"), before, "'nope'");
  }

  @Test
  void an_unreadable_feed_is_named_and_changes_nothing() {
    w.ok("init");
    String before = w.fingerprint();

    fails(run("main", "replay:/no/such.csv"), before, "/no/such.csv");
    Path garbage = w.write("garbage.csv", "this is not,a bar file\n1,2\n");
    fails(run("main", "replay:" + garbage), before, "garbage.csv");
  }

  @Test
  void run_before_init_says_so_and_creates_no_database() {
    String before = w.fingerprint();

    fails(run("main", "replay:" + feed), before, "no database at", "./tradecore init");
    fails(w.run("status", "--portfolio", "main"), before, "./tradecore init");
    fails(w.run("portfolio", "list"), before, "./tradecore init");
    assertThat(w.dataDir).doesNotExist();
  }

  @Test
  void run_refuses_a_live_exchange() {
    w.ok("init");
    String before = w.fingerprint();

    fails(run("main", "replay:" + feed, "--exchange", "live"), before, "exchange 'live'", "paper");
  }

  @Test
  void an_exchange_that_is_not_available_is_a_usage_error() {
    w.ok("init");
    String before = w.fingerprint();

    Cli.Run run = run("main", "replay:" + feed, "--exchange", "binance");

    fails(run, before, "exchange 'binance' is not available; use --exchange paper");
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void a_feed_row_of_year_9999_is_refused_before_anything_is_committed() {
    w.ok("init");
    String before = w.fingerprint();
    Path far =
        w.write(
            "far.csv",
            """
            Date,Open,High,Low,Close,Adj Close,Volume
            2024-01-02,10,11,9,10.5,10.5,1000
            9999-01-04,10,11,9,10.5,10.5,1000
            """);

    fails(run("main", "replay:" + feed + "," + far), before, "far.csv line 3", "9999-01-04");
  }

  @Test
  void overlapping_files_of_one_symbol_are_refused_naming_both_files_and_the_line() {
    w.ok("init");
    String before = w.fingerprint();
    Path later =
        w.write(
            "zig-later.csv",
            """
            Date,Open,High,Low,Close,Adj Close,Volume
            2024-01-19,10,11,9,10.5,10.5,1000
            2024-01-22,10,11,9,10.5,10.5,1000
            """);

    fails(
        run("main", "replay:" + feed + "," + later + "@ZIG"),
        before,
        "feed files ZIG.csv and zig-later.csv overlap for ZIG",
        "zig-later.csv line 2 (2024-01-19T00:00:00Z) is not after ZIG.csv line 16 (2024-01-19T00:00:00Z)");
  }

  @Test
  void a_feed_naming_no_file_is_refused_without_recording_a_run() {
    w.ok("init");
    String before = w.fingerprint();

    for (String spec : new String[] {"replay:,", "replay: ", "replay:" + feed + ",", ",replay:"}) {
      fails(run("main", spec), before, "feed '" + spec + "'");
    }
  }
}
