package io.tradecore.app.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cells are written byte for byte as toPlainString, Instant.toString and toString wrote them. */
class CsvTest {
  @TempDir Path tmp;

  @Test
  void random_cells_are_written_exactly_as_before() throws IOException {
    Random random = new Random(7);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      rows.add(
          new Object[] {
            decimal(random), instant(random), i % 7 == 0 ? null : text(random), number(random)
          });
    }
    Path file = tmp.resolve("cells.csv");
    StringBuilder former = new StringBuilder("a,b,c,d\n");
    try (Csv csv = new Csv(file, "a,b,c,d")) {
      for (Object[] row : rows) {
        csv.row(row);
        former.append(FormerCsv.row(row));
      }
    }
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(former.toString());
  }

  @Test
  void edge_values_are_written_exactly_as_before() throws IOException {
    Object[][] rows = {
      {new BigDecimal("0.00"), new BigDecimal("-0.05"), new BigDecimal("1E+3"), Long.MIN_VALUE},
      {new BigDecimal("123456789012345678901234.5"), BigDecimal.valueOf(Long.MAX_VALUE, 18), 0, -7},
      {Instant.EPOCH, Instant.MIN, Instant.MAX, Instant.parse("0999-12-31T23:59:59.999Z")},
      {
        Instant.parse("1000-01-01T00:00:00.000001Z"),
        Instant.parse("9999-12-31T23:59:59.1Z"),
        "",
        "q\"x"
      },
      {"a,b", "line\nbreak", "ünïcode", LocalDate.of(2024, 2, 29)},
    };
    Path file = tmp.resolve("edges.csv");
    StringBuilder former = new StringBuilder("a,b,c,d\n");
    try (Csv csv = new Csv(file, "a,b,c,d")) {
      for (Object[] row : rows) {
        csv.row(row);
        former.append(FormerCsv.row(row));
      }
    }
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(former.toString());
  }

  private static Object decimal(Random random) {
    int scale = random.nextInt(24) - 3;
    BigInteger unscaled =
        random.nextInt(10) == 0
            ? new BigInteger(100, random)
            : BigInteger.valueOf(random.nextLong() >> random.nextInt(64));
    return new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), scale);
  }

  private static Object instant(Random random) {
    long seconds =
        random.nextInt(4) == 0
            ? random.nextLong() % 400_000_000_000L
            : -2_208_988_800L + (long) (random.nextDouble() * 7_000_000_000L);
    int nanos =
        switch (random.nextInt(4)) {
          case 0 -> 0;
          case 1 -> random.nextInt(1000) * 1_000_000;
          case 2 -> random.nextInt(1_000_000) * 1_000;
          default -> random.nextInt(1_000_000_000);
        };
    return Instant.ofEpochSecond(seconds, nanos);
  }

  private static Object text(Random random) {
    String[] texts = {"buy", "sell", "hold", "ORCL", "a,b", "x\"y", "", "tab\there", "é"};
    return texts[random.nextInt(texts.length)];
  }

  private static Object number(Random random) {
    return random.nextBoolean() ? (Object) random.nextInt() : (Object) random.nextLong();
  }
}
