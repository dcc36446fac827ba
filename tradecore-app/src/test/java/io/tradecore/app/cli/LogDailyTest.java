package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogDailyTest {
  /** Monday 2026-03-02, 09:00 in New York. */
  static final Instant CREATED = Instant.parse("2026-03-02T14:00:00Z");

  /** Friday 2026-03-06, 17:00 in New York: the week's closes are all past. */
  static final Instant FRIDAY_EVENING = Instant.parse("2026-03-06T22:00:00Z");

  @TempDir Path dir;
  private LogTestKit kit;

  @BeforeEach
  void init() {
    kit = LogTestKit.initialised(dir, "alpha", CREATED);
  }

  @Test
  void writes_a_day_and_prints_its_block() throws IOException {
    Cli.Run run =
        kit.ok(FRIDAY_EVENING, "log", "daily", "--portfolio", "alpha", "--date", "2026-03-04");

    assertThat(run.out())
        .startsWith("=== 2026-03-04  alpha  market OPEN ===")
        .contains("Account value   100,000.00 USD")
        .contains("Daily PnL       +0.00 USD (+0.00%)   tier FLAT")
        .contains("Notes: (empty)")
        .contains(kit.textFile("alpha").toString());
    assertThat(kit.textFileDays("alpha")).containsExactly("2026-03-04");
    JsonNode logs = kit.show(FRIDAY_EVENING, "alpha", 50);
    assertThat(LogTestKit.days(logs)).containsExactly("2026-03-04");
    assertThat(logs.get(0).get("account_value").decimalValue())
        .isEqualByComparingTo(new BigDecimal("100000"));
    assertThat(logs.get(0).get("generated_at").asText()).isEqualTo(FRIDAY_EVENING.toString());
  }

  @Test
  void a_second_write_of_the_day_rewrites_it_in_place() throws IOException {
    kit.ok(FRIDAY_EVENING, "log", "daily", "--portfolio", "alpha", "--date", "2026-03-04");
    Instant later = FRIDAY_EVENING.plusSeconds(3600);
    Cli.Run again =
        kit.ok(
            later,
            "log",
            "daily",
            "--portfolio",
            "alpha",
            "--date",
            "2026-03-04",
            "--notes",
            "checked by hand");

    assertThat(again.out()).contains("Notes: checked by hand");
    JsonNode logs = kit.show(later, "alpha", 50);
    assertThat(LogTestKit.days(logs)).containsExactly("2026-03-04");
    assertThat(logs.get(0).get("generated_at").asText()).isEqualTo(later.toString());
    assertThat(logs.get(0).get("notes").asText()).isEqualTo("checked by hand");
    assertThat(kit.table()).hasSize(1);
    assertThat(kit.textFileDays("alpha")).containsExactly("2026-03-04");
  }

  @Test
  void the_text_file_holds_each_day_once_in_date_order() throws IOException {
    for (String day : new String[] {"2026-03-05", "2026-03-03", "2026-03-05", "2026-03-02"}) {
      kit.ok(FRIDAY_EVENING, "log", "daily", "--portfolio", "alpha", "--date", day);
    }

    assertThat(kit.textFileDays("alpha")).containsExactly("2026-03-02", "2026-03-03", "2026-03-05");
    assertThat(LogTestKit.days(kit.show(FRIDAY_EVENING, "alpha", 50)))
        .containsExactly("2026-03-02", "2026-03-03", "2026-03-05");
  }

  @ParameterizedTest(name = "at {0} the default day is {1}")
  @CsvSource({
    // Thursday 16:04 in New York: Thursday's log is not due until 16:05
    "2026-03-05T21:04:00Z, 2026-03-04",
    "2026-03-05T21:05:00Z, 2026-03-05",
    // Friday during the session, Friday evening, the weekend, Monday before the open
    "2026-03-06T15:00:00Z, 2026-03-05",
    "2026-03-06T22:00:00Z, 2026-03-06",
    "2026-03-08T12:00:00Z, 2026-03-06",
    "2026-03-09T13:00:00Z, 2026-03-06",
  })
  void without_a_date_it_writes_the_latest_day_whose_log_is_due(String now, String day) {
    Cli.Run run = kit.ok(Instant.parse(now), "log", "daily", "--portfolio", "alpha");

    assertThat(run.out()).startsWith("=== " + day + "  alpha");
    assertThat(LogTestKit.days(kit.show(Instant.parse(now), "alpha", 5))).containsExactly(day);
  }

  @Test
  void an_early_close_day_is_marked_and_due_at_its_early_close() {
    Instant created = Instant.parse("2026-11-23T14:00:00Z");
    LogTestKit other = LogTestKit.initialised(dir.resolve("other"), "beta", created);
    // The day after Thanksgiving closes at 13:00 New York time, 18:00 UTC; its log is due 18:05.
    Cli.Run early =
        other.ok(Instant.parse("2026-11-27T18:04:00Z"), "log", "daily", "--portfolio", "beta");
    Cli.Run due =
        other.ok(Instant.parse("2026-11-27T18:05:00Z"), "log", "daily", "--portfolio", "beta");

    assertThat(early.out()).startsWith("=== 2026-11-25  beta  market OPEN ===");
    assertThat(due.out()).startsWith("=== 2026-11-27  beta  market EARLY_CLOSE ===");
  }
}
