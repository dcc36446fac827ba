package io.tradecore.app.cli;

import static io.tradecore.app.cli.LogDailyTest.CREATED;
import static io.tradecore.app.cli.LogDailyTest.FRIDAY_EVENING;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogNoteTest {
  @TempDir Path dir;
  private LogTestKit kit;

  @BeforeEach
  void init() {
    kit = LogTestKit.initialised(dir, "alpha", CREATED);
    kit.ok(FRIDAY_EVENING, "log", "daily", "--portfolio", "alpha", "--date", "2026-03-04");
  }

  @Test
  void a_note_survives_a_regeneration_of_its_day() throws IOException {
    Cli.Run note =
        kit.ok(
            FRIDAY_EVENING,
            "log",
            "note",
            "--portfolio",
            "alpha",
            "--date",
            "2026-03-04",
            "--section",
            "lessons",
            "Sold",
            "too",
            "early");
    assertThat(note.out())
        .startsWith("=== 2026-03-04  alpha")
        .contains("Lessons learned: Sold too early");

    kit.ok(
        FRIDAY_EVENING.plusSeconds(60),
        "log",
        "daily",
        "--portfolio",
        "alpha",
        "--date",
        "2026-03-04");

    JsonNode logs = kit.show(FRIDAY_EVENING, "alpha", 5);
    assertThat(LogTestKit.days(logs)).containsExactly("2026-03-04");
    assertThat(logs.get(0).get("lessons").asText()).isEqualTo("Sold too early");
    assertThat(logs.get(0).get("generated_at").asText())
        .isEqualTo(FRIDAY_EVENING.plusSeconds(60).toString());
    assertThat(Files.readString(kit.textFile("alpha"))).contains("Lessons learned: Sold too early");
    assertThat(kit.textFileDays("alpha")).containsExactly("2026-03-04");
  }

  @ParameterizedTest
  @CsvSource({
    "lessons, lessons",
    "context, market_context",
    "CONTEXT, market_context",
    "market_context, market_context",
    "focus, focus",
    "notes, notes"
  })
  void each_section_takes_notes_one_per_line(String section, String field) {
    for (String text : new String[] {"first thought", "second thought"}) {
      kit.ok(
          FRIDAY_EVENING,
          "log",
          "note",
          "--portfolio",
          "alpha",
          "--date",
          "2026-03-04",
          "--section",
          section,
          text);
    }

    JsonNode day = kit.show(FRIDAY_EVENING, "alpha", 1).get(0);
    assertThat(day.get(field).asText()).isEqualTo("first thought\nsecond thought");
  }
}
