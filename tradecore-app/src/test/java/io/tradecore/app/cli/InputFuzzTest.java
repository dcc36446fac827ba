package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged feeds given to {@code run} and damaged configuration files given to {@code portfolio
 * create}, from a fixed seed and bounded by a count of cases: each command either does its work or
 * fails with one line on stderr and leaves the database exactly as it was. The readers' own fuzz
 * tests (CsvFuzzTest, ConfigFuzzTest) take many more cases; the API's is ApiFuzzTest.
 */
class InputFuzzTest {
  static final int CASES = 40;
  static final String[] NASTY = {
    "",
    ",",
    "\"",
    "null",
    "NaN",
    "1e400",
    "-0",
    "9".repeat(60),
    "\uff11\uff10",
    "\u001b[2J",
    "\u0000",
    "\r",
    "\t",
    "9999-12-31",
    "0001-01-01",
    "9223372036854775807",
    "2024-02-30",
    "1e10",
    "{",
    "[",
    ":",
    "- ",
    "&a",
    "*a",
    "bad name!",
    "2147483648",
    "{moderate: 5, strong: 1}"
  };

  @TempDir Path tmp;

  static String damage(String text, Random random) {
    StringBuilder s = new StringBuilder(text);
    int hits = 1 + random.nextInt(3);
    for (int i = 0; i < hits && !s.isEmpty(); i++) {
      int at = random.nextInt(s.length());
      switch (random.nextInt(4)) {
        case 0 -> s.insert(at, NASTY[random.nextInt(NASTY.length)]);
        case 1 -> s.deleteCharAt(at);
        case 2 -> s.setCharAt(at, (char) random.nextInt(0x3000));
        default -> s.setLength(at);
      }
    }
    return s.toString();
  }

  /** Checks one command: success, or one clean error line and an unchanged database. */
  private static boolean check(Workdir w, Cli.Run run, String before, String what) {
    if (run.exitCode() == 0) {
      return false;
    }
    assertThat(run.err().lines())
        .as("%s", what)
        .singleElement()
        .asString()
        .startsWith("error: ")
        .doesNotContainPattern("\\p{Cntrl}")
        .hasSizeLessThan(1_200);
    assertThat(w.fingerprint()).as("%s", what).isEqualTo(before);
    return true;
  }

  @Test
  void damaged_feeds_fail_on_one_line_and_change_nothing() throws IOException {
    Random random = new Random(20_2026L);
    int refused = 0;
    for (int i = 0; i < CASES; i++) {
      Workdir w = new Workdir(tmp.resolve("feed-" + i));
      Files.createDirectories(w.root);
      w.ok("init");
      String sound = Files.readString(w.zigzagFeed("ZIG", 12));
      String text = damage(sound, random);
      Path feed = w.root.resolve("ZIG.csv");
      Files.write(feed, text.getBytes(StandardCharsets.UTF_8));
      String before = w.fingerprint();
      Cli.Run run =
          w.run(
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
              "replay:" + feed);
      if (check(w, run, before, "feed case " + i + ":\n" + text)) {
        refused++;
      }
    }
    assertThat(refused).as("most damaged feeds are refused").isGreaterThan(CASES / 2);
  }

  @Test
  void damaged_configurations_fail_on_one_line_and_change_nothing() throws IOException {
    String sound =
        """
        market_data:
          retention_days: 730
        portfolios:
          swing:
            base_currency: AUD
            calendar: ASX
            starting_cash: 50000
            tiers: {moderate: 0.5, strong: 2, exceptional: 4}
        """;
    Workdir w = new Workdir(tmp.resolve("config"));
    Files.createDirectories(w.root);
    w.ok("init");
    Random random = new Random(20_2026L);
    int refused = 0;
    for (int i = 0; i < CASES; i++) {
      String text = damage(sound, random);
      Path config = w.root.resolve("tradecore-" + i + ".yaml");
      Files.write(config, text.getBytes(StandardCharsets.UTF_8));
      String before = w.fingerprint();
      Cli.Run run = w.run("portfolio", "create", "swing-" + i, "--config", config.toString());
      if (check(w, run, before, "config case " + i + ":\n" + text)) {
        refused++;
      }
    }
    assertThat(refused).as("some damaged configurations are refused").isPositive();
  }
}
