package io.tradecore.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A broker portfolio's periodic resync waits for the next half minute, so it never runs when a
 * minute's bars arrive (just after the minute) and holds none of them up.
 */
class DriftCheckScheduleTest {
  private static Instant at(String time) {
    return Instant.parse("2024-03-05T" + time + "Z");
  }

  @Test
  void a_resync_falls_on_the_next_half_minute() {
    assertThat(PortfolioRunner.halfMinuteFrom(at("15:45:00"))).isEqualTo(at("15:45:30"));
    assertThat(PortfolioRunner.halfMinuteFrom(at("15:45:02.500"))).isEqualTo(at("15:45:30"));
    assertThat(PortfolioRunner.halfMinuteFrom(at("15:45:30"))).isEqualTo(at("15:45:30"));
    assertThat(PortfolioRunner.halfMinuteFrom(at("15:45:30.001"))).isEqualTo(at("15:46:30"));
    assertThat(PortfolioRunner.halfMinuteFrom(at("15:59:59"))).isEqualTo(at("16:00:30"));
  }
}
