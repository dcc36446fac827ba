package io.tradecore.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.engine.Strategy;
import io.tradecore.core.feed.MarketFeed;
import io.tradecore.core.feed.Moment;
import io.tradecore.runner.config.Caps;
import io.tradecore.runner.config.OvernightMode;
import io.tradecore.runner.config.OvernightSettings;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.store.Database;
import io.tradecore.store.Dialect;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.PortfolioRepository;
import io.tradecore.store.RunRecord;
import io.tradecore.store.RunRepository;
import io.tradecore.store.TestDatabases;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A run that fails, wherever in the run it fails, is recorded as failed, not as stopped. */
class RunEndReasonTest {
  static final PortfolioId ID = new PortfolioId("p-ends");

  Database db;
  PortfolioRecord record;
  PortfolioSettings settings;

  @BeforeEach
  void portfolio() {
    db = TestDatabases.open(Dialect.SQLITE);
    settings =
        new PortfolioSettings(
            "USD",
            ZoneId.of("America/New_York"),
            "NYSE",
            new BigDecimal("100000"),
            Caps.NONE,
            new OvernightSettings(OvernightMode.NONE, BigDecimal.ZERO, 14),
            Map.of());
    record =
        new PortfolioRecord(
            ID,
            "ends",
            "USD",
            "America/New_York",
            "NYSE",
            settings.startingCash(),
            settings.toJson(),
            Instant.parse("2024-11-25T00:00:00Z"));
    db.jdbi().useTransaction(h -> new PortfolioRepository().insert(h, record));
  }

  @AfterEach
  void close() {
    TestDatabases.dispose(db);
  }

  /** A feed of no moments that fails where {@code failure} says. */
  private static MarketFeed feed(String failure) {
    return new MarketFeed() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public boolean daily() {
        return false;
      }

      @Override
      public boolean live() {
        return false;
      }

      @Override
      public void resumeAfter(Instant cursor, Consumer<Moment> history) {
        if (failure.equals("resume")) {
          throw new IllegalStateException("the feed's history cannot be read");
        }
      }

      @Override
      public Moment poll(Duration wait) {
        if (failure.equals("poll")) {
          throw new IllegalStateException("the feed broke");
        }
        return null;
      }

      @Override
      public boolean ended() {
        return !failure.equals("poll");
      }

      @Override
      public void stop() {}
    };
  }

  private String endReasonOfARunOn(MarketFeed feed) {
    try (PortfolioRunner runner =
        PortfolioRunner.open(
            db,
            record,
            settings,
            MultiDayPortfolioTest.options(),
            Clock.systemUTC(),
            instrument -> Strategy.idle("idle"))) {
      runner.run(feed);
    } catch (IllegalStateException e) {
      assertThat(e).hasMessageStartingWith("the feed");
    }
    return db.jdbi()
        .withHandle(h -> new RunRepository().latest(h, ID))
        .map(RunRecord::endReason)
        .orElseThrow();
  }

  @Test
  void a_feed_that_fails_while_resuming_ends_the_run_as_failed() {
    assertThat(endReasonOfARunOn(feed("resume"))).isEqualTo("failed");
  }

  @Test
  void a_feed_that_fails_while_trading_ends_the_run_as_failed() {
    assertThat(endReasonOfARunOn(feed("poll"))).isEqualTo("failed");
  }

  @Test
  void a_feed_that_ends_ends_the_run_as_feed_ended() {
    assertThat(endReasonOfARunOn(feed("none"))).isEqualTo("feed ended");
  }

  @Test
  void the_failure_still_reaches_the_caller() {
    try (PortfolioRunner runner =
        PortfolioRunner.open(
            db,
            record,
            settings,
            MultiDayPortfolioTest.options(),
            Clock.systemUTC(),
            instrument -> Strategy.idle("idle"))) {
      assertThatThrownBy(() -> runner.run(feed("resume")))
          .hasMessage("the feed's history cannot be read");
    }
  }
}
