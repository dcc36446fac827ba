package io.tradecore.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 files made from a sound one by random damage, from a fixed seed (so a failure is
 * repeatable): each loads, or fails with a {@link MarketDataException} whose message is one short
 * line without control characters. Bounded by the number of cases, not by time.
 */
class CsvFuzzTest {
  static final int CASES = 1_000;
  static final long SEED = 20_2026L;

  /** Values that have broken readers: huge, tiny, foreign digits, escapes, implausible times. */
  static final String[] NASTY = {
    "",
    " ",
    "\"",
    "\"\"",
    ",",
    "null",
    "NaN",
    "-Infinity",
    "1e400",
    "1e-400",
    "-0",
    "0x1F",
    "9".repeat(50),
    "0." + "0".repeat(30) + "1",
    "\uff11\uff10",
    "\u0661\u0662",
    "\u001b[2J",
    "\u0000",
    "\r",
    "\u2028",
    "9999-12-31",
    "0001-01-01",
    "+99999-01-01T00:00:00Z",
    "9223372036854775807",
    "-9223372036854775808",
    "99999999999999999999",
    "2024-02-30",
    "2024-01-02T25:00:00Z",
    "1e10",
    "9999999999.99999999",
    "0.000000001",
    "\uFEFF",
    "\ud800"
  };

  @TempDir Path dir;

  static String sound() {
    StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
    for (int day = 2; day <= 12; day++) {
      csv.append(String.format("2024-01-%02d,10.50,11.25,9.75,10.80,10.80,12000%n", day));
    }
    return csv.toString();
  }

  static String damage(String text, Random random) {
    StringBuilder s = new StringBuilder(text);
    int hits = 1 + random.nextInt(4);
    for (int i = 0; i < hits && !s.isEmpty(); i++) {
      int at = random.nextInt(s.length());
      switch (random.nextInt(7)) {
        case 0 -> s.insert(at, NASTY[random.nextInt(NASTY.length)]);
        case 1 -> s.deleteCharAt(at);
        case 2 -> s.setCharAt(at, (char) random.nextInt(0x3000));
        case 3 -> {
          // A whole field replaced: find the field around {@code at}.
          int from = Math.max(s.lastIndexOf(",", at), s.lastIndexOf("\n", at)) + 1;
          int to = indexOfAny(s, at);
          s.replace(from, Math.max(from, to), NASTY[random.nextInt(NASTY.length)]);
        }
        case 4 -> s.insert(at, s.substring(at, Math.min(s.length(), at + random.nextInt(80))));
        case 5 -> s.setLength(at);
        default -> {
          for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) == '\n' && random.nextInt(3) == 0) {
              s.setCharAt(k, random.nextBoolean() ? ',' : '\r');
            }
          }
        }
      }
    }
    return s.toString();
  }

  private static int indexOfAny(StringBuilder s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) == ',' || s.charAt(i) == '\n') {
        return i;
      }
    }
    return s.length();
  }

  @Test
  void damaged_files_load_or_fail_with_one_clean_line() throws IOException {
    Random random = new Random(SEED);
    int failed = 0;
    for (int i = 0; i < CASES; i++) {
      String text = damage(sound(), random);
      Path file = dir.resolve("case.csv");
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      if (bytes.length > 0 && random.nextInt(10) == 0) {
        bytes[random.nextInt(bytes.length)] = (byte) 0xFF; // not UTF-8
      }
      Files.write(file, bytes);
      try {
        BarSeries series =
            CsvBarReader.read(file, "X", "USD", new CsvBarReader.Options(null, i % 2 == 0));
        assertThat(series.size()).as("case %d", i).isPositive();
      } catch (MarketDataException e) {
        failed++;
        assertThat(e.getMessage())
            .as("case %d: %s", i, text)
            .contains("case.csv")
            .doesNotContainPattern("\\p{Cntrl}|\u2028|\u2029")
            .hasSizeLessThan(1_000);
      }
    }
    assertThat(failed).as("most damage is caught").isGreaterThan(CASES / 2);
  }
}
