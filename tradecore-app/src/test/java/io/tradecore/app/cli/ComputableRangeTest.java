package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is accepted is what the engine can compute: prices swinging across the whole accepted range
 * trade to the end of the feed, and starting cash beyond the bound is refused before anything is
 * stored.
 */
class ComputableRangeTest {
  @TempDir Path tmp;
  Workdir w;

  @BeforeEach
  void setUp() {
    w = new Workdir(tmp);
  }

  /**
   * Weekday bars whose price climbs from one cent to just under the 1e10 limit in 20 bars and falls
   * back in 20, again and again: sma-cross buys low with all its cash, sells high, and its cash
   * soon buys more units of a one-cent instrument than a long counts.
   */
  private Path wildFeed() {
    StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
    LocalDate day = LocalDate.of(2024, 1, 1);
    double low = Math.log(0.01);
    double high = Math.log(9_999_999_999.0);
    for (int i = 0; i < 200; i++) {
      while (day.getDayOfWeek().getValue() > 5) {
        day = day.plusDays(1);
      }
      int phase = i % 40;
      double f = phase < 20 ? phase / 20.0 : (40 - phase) / 20.0;
      double p = Math.exp(low + (high - low) * f);
      String price = String.format(Locale.ROOT, "%.2f", p);
      csv.append(String.join(",", day.toString(), price, price, price, price, price, "100000"))
          .append('\n');
      day = day.plusDays(1);
    }
    return w.write("WILD.csv", csv.toString());
  }

  @Test
  void prices_across_the_whole_accepted_range_trade_to_the_end_of_the_feed() {
    w.ok("init");

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
            "replay:" + wildFeed());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("applied 200 events");
    assertThat(w.query("SELECT end_reason FROM runs")).containsExactly("feed ended");
  }

  @Test
  void starting_cash_beyond_1e15_is_refused_naming_the_flag_or_key() {
    w.ok("init");
    String before = w.fingerprint();

    for (String cash : new String[] {"1e20", "1e400", "1000000000000000.01"}) {
      Cli.Run flag = w.run("portfolio", "create", "rich", "--starting-cash", cash);
      assertThat(flag.exitCode()).isEqualTo(2);
      assertThat(flag.err().lines())
          .singleElement()
          .asString()
          .startsWith("error: --starting-cash '")
          .endsWith("is too large (allowed: at most 1000000000000000, that is 1e15)");
    }
    Path config = w.write("rich.yaml", "portfolios:\n  rich:\n    starting_cash: 1e20\n");
    Cli.Run key = w.run("portfolio", "create", "rich", "--config", config.toString());
    assertThat(key.exitCode()).isNotZero();
    assertThat(key.err().lines())
        .singleElement()
        .asString()
        .contains("rich.yaml line 3: portfolios.rich.starting_cash: '1E+20' is too large");
    Cli.Run backtest =
        w.run(
            "backtest",
            "--strategy",
            "sma-cross",
            "--data",
            wildFeed().toString(),
            "--cash",
            "1e20");
    assertThat(backtest.err().lines())
        .singleElement()
        .asString()
        .contains("--cash must be at most");
    assertThat(w.fingerprint()).isEqualTo(before);
    assertThat(w.ok("portfolio", "create", "big", "--starting-cash", "1e15")).contains("big");
  }
}
