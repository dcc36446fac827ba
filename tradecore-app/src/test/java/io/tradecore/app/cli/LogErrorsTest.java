package io.tradecore.app.cli;

import static io.tradecore.app.cli.LogDailyTest.CREATED;
import static io.tradecore.app.cli.LogDailyTest.FRIDAY_EVENING;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LogErrorsTest {
  @TempDir Path dir;
  private LogTestKit kit;

  @BeforeEach
  void init() {
    kit = LogTestKit.initialised(dir, "alpha", CREATED);
    kit.ok(FRIDAY_EVENING, "log", "daily", "--portfolio", "alpha", "--date", "2026-03-04");
    kit.ok(
        FRIDAY_EVENING,
        "log",
        "note",
        "--portfolio",
        "alpha",
        "--date",
        "2026-03-04",
        "--section",
        "focus",
        "watch the open");
  }

  static Stream<Arguments> failures() {
    Instant friday = FRIDAY_EVENING;
    return Stream.of(
        failure(
            "unknown portfolio",
            friday,
            1,
            "error: no portfolio named 'nope'; known: alpha",
            "log daily --portfolio nope --date 2026-03-04"),
        failure(
            "unknown portfolio, note",
            friday,
            1,
            "error: no portfolio named 'nope'",
            "log note --portfolio nope --date 2026-03-04 --section notes hi"),
        failure(
            "unknown portfolio, show",
            friday,
            1,
            "error: no portfolio named 'nope'",
            "log show --portfolio nope"),
        failure(
            "malformed date",
            friday,
            2,
            "error: --date '2026-13-45' is not a date; expected YYYY-MM-DD",
            "log daily --portfolio alpha --date 2026-13-45"),
        failure(
            "malformed date, note",
            friday,
            2,
            "error: --date '04/03/2026' is not a date; expected YYYY-MM-DD",
            "log note --portfolio alpha --date 04/03/2026 --section notes hi"),
        failure(
            "date before the portfolio existed",
            friday,
            1,
            "error: 2026-02-27 is before portfolio alpha existed (its first day is 2026-03-02)",
            "log daily --portfolio alpha --date 2026-02-27"),
        failure(
            "weekend",
            friday,
            1,
            "error: 2026-03-07 is not a NYSE trading day (a weekend)",
            "log daily --portfolio alpha --date 2026-03-07"),
        failure(
            "holiday",
            friday,
            1,
            "error: 2026-04-03 is not a NYSE trading day (a holiday: Good Friday)",
            "log daily --portfolio alpha --date 2026-04-03"),
        failure(
            "not closed yet",
            Instant.parse("2026-03-06T20:00:00Z"),
            1,
            "error: the log of 2026-03-06 is not due until 2026-03-06T21:05:00Z",
            "log daily --portfolio alpha --date 2026-03-06"),
        failure(
            "nothing closed yet",
            Instant.parse("2026-03-02T20:00:00Z"),
            1,
            "error: portfolio alpha has no closed trading day yet; the log of its first,"
                + " 2026-03-02, is due at 2026-03-02T21:05:00Z",
            "log daily --portfolio alpha"),
        failure(
            "unknown section",
            friday,
            2,
            "error: unknown section 'mood'; use lessons, context, focus or notes",
            "log note --portfolio alpha --date 2026-03-04 --section mood calm"),
        failure(
            "note on a day without a log",
            friday,
            1,
            "error: portfolio alpha has no daily log for 2026-03-05; write it first with:",
            "log note --portfolio alpha --date 2026-03-05 --section notes hi"),
        failure(
            "note without text",
            friday,
            2,
            "error: ",
            "log note --portfolio alpha --date 2026-03-04 --section notes"),
        failure(
            "last out of range",
            friday,
            2,
            "error: --last 0 is out of range; use 1 to 1000",
            "log show --portfolio alpha --last 0"),
        failure(
            "last too large",
            friday,
            2,
            "error: --last 1001 is out of range; use 1 to 1000",
            "log show --portfolio alpha --last 1001"));
  }

  private static Arguments failure(
      String name, Instant now, int exitCode, String messageStart, String command) {
    return Arguments.of(name, now, exitCode, messageStart, command);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void fails_with_one_line_and_changes_nothing(
      String name, Instant now, int exitCode, String messageStart, String command)
      throws IOException {
    List<Map<String, Object>> before = kit.table();
    String textBefore = Files.readString(kit.textFile("alpha"));

    Cli.Run run = kit.run(now, command.split(" "));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList()).singleElement().asString().startsWith(messageStart);
    assertThat(kit.table()).isEqualTo(before).hasSize(1);
    assertThat(Files.readString(kit.textFile("alpha"))).isEqualTo(textBefore);
  }
}
