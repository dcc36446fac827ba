package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} over two weeks of daily bars, then {@code log show}: one log per trading day. */
class LogAfterRunTest {
  /** Sunday 2026-02-08: the portfolio exists before the data's first day. */
  private static final Instant CREATED = Instant.parse("2026-02-08T12:00:00Z");

  /** Weekdays from Monday 2026-02-09 to Tuesday 2026-02-24, less Washington's Birthday (16th). */
  private static final List<String> TRADING_DAYS =
      List.of(
          "2026-02-09",
          "2026-02-10",
          "2026-02-11",
          "2026-02-12",
          "2026-02-13",
          "2026-02-17",
          "2026-02-18",
          "2026-02-19",
          "2026-02-20",
          "2026-02-23",
          "2026-02-24");

  private static final Pattern EQUITY = Pattern.compile("equity (\\S+) USD");

  @TempDir Path dir;

  @Test
  void run_writes_exactly_one_log_per_trading_day_of_the_data_in_order() throws IOException {
    LogTestKit kit = LogTestKit.initialised(dir.resolve("data"), "alpha", CREATED);
    Path csv = writeCsv(dir.resolve("SPY.csv"));
    String[] run = {
      "run",
      "--portfolio",
      "alpha",
      "--strategy",
      "sma-cross",
      "--param",
      "fast=2",
      "--param",
      "slow=4",
      "--feed",
      "replay:" + csv.toAbsolutePath()
    };

    Cli.Run first = kit.ok(CREATED, run);
    Cli.Run second = kit.ok(CREATED.plusSeconds(60), run); // resumes: nothing new, nothing twice

    assertThat(first.out()).contains("applied " + TRADING_DAYS.size() + " events");
    assertThat(second.out()).contains("applied 0 events");
    JsonNode logs = kit.show(CREATED, "alpha", 50);
    assertThat(LogTestKit.days(logs)).isEqualTo(TRADING_DAYS);
    logs.forEach(day -> assertThat(day.get("market_status").asText()).isEqualTo("OPEN"));
    assertThat(kit.textFileDays("alpha")).isEqualTo(TRADING_DAYS);
    Matcher equity = EQUITY.matcher(first.out());
    assertThat(equity.find()).as(first.out()).isTrue();
    // The run's last line shows money as the CLI does: grouped, to the cent.
    assertThat(logs.get(logs.size() - 1).get("account_value").decimalValue())
        .isCloseTo(
            new BigDecimal(equity.group(1).replace(",", "")), within(new BigDecimal("0.005")));

    // A day the run wrote can be refreshed by hand, in place.
    kit.ok(CREATED, "log", "daily", "--portfolio", "alpha", "--date", "2026-02-13");
    assertThat(LogTestKit.days(kit.show(CREATED, "alpha", 50))).isEqualTo(TRADING_DAYS);
    assertThat(kit.textFileDays("alpha")).isEqualTo(TRADING_DAYS);
  }

  /** Yahoo-format daily bars on the trading days, a gentle rise and fall so the strategy trades. */
  private static Path writeCsv(Path file) throws IOException {
    StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
    List<String> days = new ArrayList<>();
    for (LocalDate d = LocalDate.parse("2026-02-09");
        !d.isAfter(LocalDate.parse("2026-02-24"));
        d = d.plusDays(1)) {
      boolean weekend =
          d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
      if (!weekend && !d.toString().equals("2026-02-16")) {
        days.add(d.toString());
      }
    }
    assertThat(days).isEqualTo(TRADING_DAYS);
    int[] closes = {100, 101, 103, 106, 108, 107, 104, 101, 99, 100, 102};
    for (int i = 0; i < days.size(); i++) {
      BigDecimal close = BigDecimal.valueOf(closes[i]);
      BigDecimal open = i == 0 ? close : BigDecimal.valueOf(closes[i - 1]);
      csv.append(days.get(i))
          .append(',')
          .append(open)
          .append(',')
          .append(open.max(close).add(BigDecimal.ONE))
          .append(',')
          .append(open.min(close).subtract(BigDecimal.ONE))
          .append(',')
          .append(close)
          .append(',')
          .append(close)
          .append(",100000\n");
    }
    Files.writeString(file, csv);
    return file;
  }
}
