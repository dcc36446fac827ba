package io.tradecore.runner.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 configuration files made from a sound one by random damage, from a fixed seed: each loads,
 * or fails with a {@link ConfigException} of one short line without control characters. Bounded by
 * the number of cases, not by time.
 */
class ConfigFuzzTest {
  static final int CASES = 1_000;
  static final long SEED = 20_2026L;

  static final String SOUND =
      """
      data_dir: data
      database:
        url: jdbc:sqlite:data/tradecore.db
        pool_size: 4
      runner:
        lease_seconds: 15
        heartbeat_seconds: 5
      market_data:
        retention_days: 730
      web:
        allowed_hosts: [tradebox.lan]
      portfolio_defaults:
        base_currency: USD
        time_zone: Australia/Sydney
        calendar: NYSE
        starting_cash: 100000
        caps:
          max_order_value: 10000
          max_open_positions: 5
        overnight:
          mode: percent
          widen: 1
          atr_period: 14
        tiers: {moderate: 0.25, strong: 1, exceptional: 3}
      portfolios:
        swing:
          base_currency: AUD
          calendar: ASX
      """;

  static final String[] NASTY = {
    "",
    " ",
    ":",
    "- ",
    "[",
    "{",
    "}",
    "]",
    "'",
    "\"",
    "&a",
    "*a",
    "!!binary",
    "? ",
    "|",
    ">",
    "\t",
    "\n",
    "\n  ",
    "null",
    "~",
    ".inf",
    "-.nan",
    "1e400",
    "-1",
    "0",
    "2147483648",
    "99999999999999999999",
    "0x1F",
    "1_000",
    "\uff11",
    "\u001b[2J",
    "\u0000",
    "bad name!",
    "Mars/Base",
    "jdbc:mysql://u:p@h/db",
    "{moderate: 5, strong: 1}",
    "[1, [2]]",
    "%TAG",
    "---",
    "...",
    "#",
    "<<: {a: 1}",
    "\ud800"
  };

  @TempDir Path dir;

  static String damage(Random random) {
    StringBuilder s = new StringBuilder(SOUND);
    int hits = 1 + random.nextInt(3);
    for (int i = 0; i < hits && !s.isEmpty(); i++) {
      int at = random.nextInt(s.length());
      switch (random.nextInt(5)) {
        case 0 -> s.insert(at, NASTY[random.nextInt(NASTY.length)]);
        case 1 -> s.deleteCharAt(at);
        case 2 -> s.setCharAt(at, (char) random.nextInt(0x3000));
        case 3 -> {
          // A value replaced: from after the ': ' on this line to its end.
          int colon = s.indexOf(": ", at);
          int end = colon < 0 ? -1 : s.indexOf("\n", colon);
          if (end > 0) {
            s.replace(colon + 2, end, NASTY[random.nextInt(NASTY.length)]);
          }
        }
        default -> s.insert(at, s.substring(at, Math.min(s.length(), at + random.nextInt(60))));
      }
    }
    return s.toString();
  }

  @Test
  void damaged_files_load_or_fail_with_one_clean_line() throws IOException {
    Random random = new Random(SEED);
    int failed = 0;
    for (int i = 0; i < CASES; i++) {
      String text = damage(random);
      Files.write(dir.resolve("tradecore.yaml"), text.getBytes(StandardCharsets.UTF_8));
      try {
        TradeCoreConfig.load(null, Map.of(), dir);
      } catch (ConfigException e) {
        failed++;
        assertThat(e.getMessage())
            .as("case %d:%n%s", i, text)
            .startsWith("tradecore.yaml")
            .doesNotContainPattern("\\p{Cntrl}|\u2028|\u2029")
            .hasSizeLessThan(1_000);
      }
    }
    assertThat(failed).as("most damage is caught").isGreaterThan(CASES / 3);
  }
}
