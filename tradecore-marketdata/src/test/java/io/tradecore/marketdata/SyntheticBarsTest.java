package io.tradecore.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.core.calendar.TradingCalendar;
import io.tradecore.core.calendar.TradingCalendars;
import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticBarsTest {
  private static final Instrument ACME = Instrument.of("ACME", "USD", 2);

  @Test
  void same_seed_gives_the_same_bars() {
    BarSeries a = SyntheticBars.generate(ACME, LocalDate.of(2024, 1, 1), 500, 42, 100.0);
    BarSeries b = SyntheticBars.generate(ACME, LocalDate.of(2024, 1, 1), 500, 42, 100.0);
    BarSeries other = SyntheticBars.generate(ACME, LocalDate.of(2024, 1, 1), 500, 43, 100.0);

    assertThat(a).isEqualTo(b);
    assertThat(a.bars()).isNotEqualTo(other.bars());
  }

  @Test
  void daily_bars_fall_on_consecutive_weekdays_at_utc_midnight() {
    LocalDate saturday = LocalDate.of(2024, 1, 6);

    BarSeries series = SyntheticBars.generate(ACME, saturday, 260, 7, 50.0);

    assertThat(series.size()).isEqualTo(260);
    LocalDate expected = LocalDate.of(2024, 1, 8);
    for (Bar bar : series.bars()) {
      assertThat(bar.time()).isEqualTo(expected.atStartOfDay(ZoneOffset.UTC).toInstant());
      expected = expected.plusDays(expected.getDayOfWeek() == DayOfWeek.FRIDAY ? 3 : 1);
    }
  }

  @Test
  void calendar_bars_fall_on_its_trading_days_only() {
    TradingCalendar nyse = TradingCalendars.of("NYSE");

    // From Sunday 2024-01-07 to Friday 2024-03-01: eight weeks with two NYSE holidays.
    BarSeries series = SyntheticBars.generate(ACME, nyse, LocalDate.of(2024, 1, 7), 38, 7, 50.0);

    List<LocalDate> days =
        series.bars().stream().map(b -> LocalDate.ofInstant(b.time(), ZoneOffset.UTC)).toList();
    assertThat(days)
        .isEqualTo(nyse.tradingDays(LocalDate.of(2024, 1, 8), LocalDate.of(2024, 3, 1)))
        .doesNotContain(LocalDate.of(2024, 1, 15), LocalDate.of(2024, 2, 19));
    assertThat(series.bars())
        .extracting(Bar::close)
        .as("the walk of the same seed, dated by the calendar")
        .isEqualTo(
            SyntheticBars.generate(ACME, LocalDate.of(2024, 1, 8), 38, 7, 50.0).bars().stream()
                .map(Bar::close)
                .toList());
  }

  @Test
  void every_generated_bar_is_valid_and_positive() {
    for (long seed = 0; seed < 20; seed++) {
      BarSeries series = SyntheticBars.generate(ACME, LocalDate.of(2020, 1, 1), 1000, seed, 0.5);
      for (Bar bar : series.bars()) {
        assertThat(bar.low()).isPositive().isLessThanOrEqualTo(Math.min(bar.open(), bar.close()));
        assertThat(bar.high()).isGreaterThanOrEqualTo(Math.max(bar.open(), bar.close()));
        assertThat(bar.volume()).isPositive();
      }
    }
  }

  @Test
  void prices_move_like_a_market_not_a_constant() {
    BarSeries series = SyntheticBars.generate(ACME, LocalDate.of(2024, 1, 1), 250, 1, 100.0);

    List<Bar> bars = series.bars();
    long upDays = bars.stream().filter(bar -> bar.close() > bar.open()).count();
    long gaps = 0;
    for (int i = 1; i < bars.size(); i++) {
      gaps += bars.get(i).open() != bars.get(i - 1).close() ? 1 : 0;
    }
    assertThat(series.first().open()).isBetween(9_500L, 10_500L);
    assertThat(bars.stream().map(Bar::close).distinct().count()).isGreaterThan(150);
    assertThat(upDays).isBetween(75L, 175L);
    assertThat(gaps).isPositive();
    assertThat(bars).extracting(Bar::volume).allSatisfy(v -> assertThat(v).isBetween(1e5, 1e7));
  }

  @Test
  void a_million_bars_generate_quickly_and_stay_in_range() {
    Instrument btc = Instrument.of("BTCUSDT", "USDT", 8);
    long started = System.nanoTime();

    BarSeries series =
        SyntheticBars.generateSeries(
            btc, Instant.parse("2020-01-01T00:00:00Z"), Duration.ofDays(1), 1_000_000, 9, 50_000);

    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(series.size()).isEqualTo(1_000_000);
    assertThat(series.bars().get(1).time()).isEqualTo(Instant.parse("2020-01-02T00:00:00Z"));
    assertThat(series.bars()).allSatisfy(bar -> assertThat(bar.low()).isPositive());
    assertThat(took).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void invalid_arguments_are_rejected() {
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    assertThatThrownBy(() -> SyntheticBars.generateSeries(ACME, start, Duration.ZERO, 1, 1, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SyntheticBars.generate(ACME, LocalDate.of(2024, 1, 1), 1, 1, 0.001))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SyntheticBars.generate(ACME, LocalDate.of(2024, 1, 1), -1, 1, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
