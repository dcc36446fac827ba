package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overnight policy protects a position from a gap (issue 11, item 1): 30-minute NYSE bars where
 * a breakout buys on Monday and Tuesday opens below the plan's stop (98.84) but above the stop
 * widened by 10% (88.96), then recovers. Without the policy the gap stops the position out at the
 * open; with it the opening bar is checked against the widened stop and the position is held. The
 * same in {@code backtest} and in a portfolio's runner.
 */
class OvernightGapTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final String[] STRATEGY = {
    "--strategy", "breakout", "--param", "channel=5", "--param", "atr=5"
  };

  @TempDir Path dir;

  @Test
  void backtest_with_the_overnight_policy_holds_through_the_gap_and_without_it_stops_out()
      throws IOException {
    Path csv = writeGap(dir.resolve("SPY.csv"));

    JsonNode plain = backtest(csv);
    JsonNode guarded = backtest(csv, "--overnight", "percent", "--overnight-widen", "10");

    // 495.049504 bought at 101.00 on Monday; without the policy sold at Tuesday's open of 97.00.
    assertThat(plain.get("trades").asInt()).isEqualTo(1);
    assertThat(plain.get("open_positions").asInt()).isZero();
    assertThat(plain.get("final_equity").decimalValue()).isEqualByComparingTo("98019.801984");
    // With it still held, marked at Tuesday's last close of 100.00.
    assertThat(guarded.get("trades").asInt()).isZero();
    assertThat(guarded.get("open_positions").asInt()).isEqualTo(1);
    assertThat(guarded.get("final_equity").decimalValue()).isEqualByComparingTo("99504.950496");
  }

  @Test
  void a_portfolio_with_the_overnight_policy_holds_through_the_gap_and_one_without_stops_out()
      throws IOException {
    Path csv = writeGap(dir.resolve("SPY.csv"));
    Workdir w = new Workdir(dir);
    w.ok("init", "--portfolio", "plain", "--calendar", "NYSE");
    w.ok(
        "portfolio",
        "create",
        "guarded",
        "--calendar",
        "NYSE",
        "--overnight",
        "percent",
        "--overnight-widen",
        "10");

    String plain = run(w, "plain", csv);
    String guarded = run(w, "guarded", csv);

    assertThat(plain)
        .contains("equity 98,019.80 USD, cash 98,019.80 USD, open positions 0, fills 2");
    assertThat(guarded)
        .contains("equity 99,504.95 USD, cash 50,000.00 USD, open positions 1, fills 1");
  }

  private JsonNode backtest(Path csv, String... overnight) {
    List<String> args =
        new ArrayList<>(
            List.of("backtest", "--data", csv.toString(), "--symbol", "SPY", "--cash", "100000"));
    args.addAll(List.of(STRATEGY));
    args.addAll(List.of("--calendar", "NYSE", "--json"));
    args.addAll(List.of(overnight));
    Cli.Run run = Cli.run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    return OutputFiles.json(run.out());
  }

  private static String run(Workdir w, String portfolio, Path csv) {
    List<String> args = new ArrayList<>(List.of("run", "--portfolio", portfolio));
    args.addAll(List.of(STRATEGY));
    args.addAll(List.of("--feed", "replay:" + csv.toAbsolutePath()));
    return w.ok(args.toArray(String[]::new));
  }

  /**
   * Monday 2024-03-04: six quiet bars (range 1.00 around 100), a breakout closing at 101.00 (stop 2
   * ATRs below, 98.84), then bars around 101. Tuesday opens at 97.00 and recovers to 100.00.
   */
  private static Path writeGap(Path file) throws IOException {
    List<String> monday = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      monday.add("100.00,100.50,99.50,100.00");
    }
    monday.add("100.00,101.20,99.80,101.00");
    for (int i = 0; i < 6; i++) {
      monday.add("101.00,101.50,100.50,101.00");
    }
    List<String> tuesday =
        List.of(
            " 97.00, 97.80, 96.50, 97.50",
            " 99.50,100.00, 99.00, 99.80",
            "100.00,100.40, 99.60,100.00",
            "100.00,100.40, 99.60,100.00");
    StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
    append(csv, 4, monday);
    append(csv, 5, tuesday);
    return Files.writeString(file, csv);
  }

  private static void append(StringBuilder csv, int day, List<String> bars) {
    for (int i = 0; i < bars.size(); i++) {
      ZonedDateTime t = ZonedDateTime.of(2024, 3, day, 9, 30, 0, 0, NEW_YORK).plusMinutes(30L * i);
      csv.append(t.toInstant())
          .append(',')
          .append(bars.get(i).replace(" ", ""))
          .append(",1000000\n");
    }
  }
}
