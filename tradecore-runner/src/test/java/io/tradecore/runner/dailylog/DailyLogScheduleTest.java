package io.tradecore.runner.dailylog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.store.DailyLogRepository;
import io.tradecore.store.Database;
import io.tradecore.store.Dialect;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.PortfolioRepository;
import io.tradecore.store.TestDatabases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DailyLogScheduleTest {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  // Thanksgiving week 2024: Thursday the 28th is a holiday, Friday the 29th closes at 13:00.
  static final Instant CREATED = ZonedDateTime.of(2024, 11, 25, 8, 0, 0, 0, NEW_YORK).toInstant();
  @TempDir Path dir;
  Database db;
  PortfolioRecord record;
  PortfolioSettings settings;

  @BeforeEach
  void portfolio() {
    db = TestDatabases.open(Dialect.SQLITE);
    settings = PortfolioSettings.DEFAULTS;
    record =
        new PortfolioRecord(
            new PortfolioId("p-log"),
            "main",
            "USD",
            "Australia/Sydney",
            "NYSE",
            settings.startingCash(),
            settings.toJson(),
            CREATED);
    db.jdbi().useTransaction(h -> new PortfolioRepository().insert(h, record));
  }

  @AfterEach
  void close() {
    TestDatabases.dispose(db);
  }

  DailyLogs logs(TestClock clock) {
    return new DailyLogs(db, record, settings, DailyLogs.textFileFor(dir, "main"), clock);
  }

  /** Ticks the clock a minute at a time until {@code until}, noting when each day was written. */
  static void tickUntil(
      DailyLogs logs, TestClock clock, Instant until, Map<LocalDate, Instant> written) {
    while (clock.instant().isBefore(until)) {
      clock.advance(Duration.ofMinutes(1));
      for (LocalDate day : logs.catchUp(clock.instant())) {
        assertThat(written.put(day, clock.instant())).as("%s written twice", day).isNull();
      }
    }
  }

  static Instant ny(int day, int hour, int minute) {
    return ZonedDateTime.of(2024, 11, day, hour, minute, 0, 0, NEW_YORK).toInstant();
  }

  @Test
  void one_log_per_trading_day_at_close_plus_five_minutes_and_none_on_the_holiday() {
    TestClock clock = new TestClock(CREATED);
    Map<LocalDate, Instant> written = new LinkedHashMap<>();
    tickUntil(logs(clock), clock, ny(30, 12, 0), written);

    assertThat(written)
        .containsExactly(
            Map.entry(LocalDate.of(2024, 11, 25), ny(25, 16, 5)),
            Map.entry(LocalDate.of(2024, 11, 26), ny(26, 16, 5)),
            Map.entry(LocalDate.of(2024, 11, 27), ny(27, 16, 5)),
            Map.entry(LocalDate.of(2024, 11, 29), ny(29, 13, 5)));
    List<DailyLogRepository.Row> rows = logs(clock).last(10);
    assertThat(rows)
        .extracting(DailyLogRepository.Row::marketStatus)
        .containsExactly("OPEN", "OPEN", "OPEN", "EARLY_CLOSE");
    assertThat(rows).extracting(r -> r.generatedAt()).containsExactlyElementsOf(written.values());
  }

  @Test
  void a_restart_after_two_missed_closes_writes_both_on_start() {
    TestClock clock = new TestClock(CREATED);
    Map<LocalDate, Instant> written = new LinkedHashMap<>();
    tickUntil(logs(clock), clock, ny(26, 9, 0), written); // Monday's log written, then down
    clock.set(ny(27, 18, 0)); // back after Tuesday's and Wednesday's closes
    Instant start = clock.instant();
    List<LocalDate> caughtUp = logs(clock).catchUp(start);

    assertThat(written).containsOnlyKeys(LocalDate.of(2024, 11, 25));
    assertThat(caughtUp).containsExactly(LocalDate.of(2024, 11, 26), LocalDate.of(2024, 11, 27));
    assertThat(logs(clock).catchUp(start)).isEmpty();
  }

  @Test
  void a_missed_day_before_one_written_by_hand_is_caught_up_and_the_text_file_stays_in_order()
      throws Exception {
    TestClock clock = new TestClock(ny(27, 18, 0));
    logs(clock).write(LocalDate.of(2024, 11, 27), "written by hand first");

    List<LocalDate> caughtUp = logs(clock).catchUp(clock.instant());

    assertThat(caughtUp).containsExactly(LocalDate.of(2024, 11, 25), LocalDate.of(2024, 11, 26));
    String text = Files.readString(DailyLogs.textFileFor(dir, "main"));
    assertThat(text.split("=== 2024-11-2", -1)).hasSize(4);
    assertThat(text.indexOf("=== 2024-11-25")).isLessThan(text.indexOf("=== 2024-11-26"));
    assertThat(text.indexOf("=== 2024-11-26")).isLessThan(text.indexOf("=== 2024-11-27"));
  }

  @Test
  void days_appended_to_a_text_file_another_writer_changed_do_not_duplicate_a_day()
      throws Exception {
    TestClock clock = new TestClock(ny(26, 18, 0));
    DailyLogs runner = logs(clock);
    runner.catchUp(clock.instant()); // Monday and Tuesday
    Path file = DailyLogs.textFileFor(dir, "main");
    // Another process left the file holding Tuesday twice (an older writer, say).
    String twoDays = Files.readString(file);
    String tuesday = twoDays.substring(twoDays.indexOf("=== 2024-11-26"));
    Files.writeString(file, tuesday, StandardOpenOption.APPEND);

    clock.set(ny(27, 18, 0));
    assertThat(runner.catchUp(clock.instant())).containsExactly(LocalDate.of(2024, 11, 27));

    String text = Files.readString(file);
    assertThat(text.split("=== 2024-11-26", -1)).hasSize(2);
    assertThat(text.split("=== 2024-11-2", -1)).hasSize(4);
    assertThat(text.indexOf("=== 2024-11-26")).isLessThan(text.indexOf("=== 2024-11-27"));
  }

  @Test
  void a_process_stopped_holding_the_text_files_lock_delays_the_file_not_the_logs()
      throws Exception {
    TestClock clock = new TestClock(ny(25, 18, 0));
    DailyLogs runner = logs(clock);
    runner.catchUp(clock.instant()); // Monday
    Path file = DailyLogs.textFileFor(dir, "main");
    Process holder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                FileLockHolderMain.class.getName(),
                file.resolveSibling(file.getFileName() + ".lock").toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (var out = new BufferedReader(new InputStreamReader(holder.getInputStream()))) {
      assertThat(out.readLine()).isEqualTo("locked");
      clock.set(ny(26, 18, 0));
      // Bounded so that a writer waiting for ever on the lock fails here instead of hanging.
      List<LocalDate> tuesday =
          CompletableFuture.supplyAsync(() -> runner.catchUp(clock.instant()))
              .get(2, TimeUnit.MINUTES);
      assertThat(tuesday).containsExactly(LocalDate.of(2024, 11, 26));
      assertThat(runner.last(10)).hasSize(2);
      assertThat(Files.readString(file)).doesNotContain("=== 2024-11-26");
    } finally {
      holder.getOutputStream().close();
      holder.waitFor();
    }

    clock.set(ny(27, 18, 0));
    assertThat(runner.catchUp(clock.instant())).containsExactly(LocalDate.of(2024, 11, 27));
    String text = Files.readString(file);
    assertThat(text.split("=== 2024-11-2", -1)).hasSize(4);
    assertThat(text.indexOf("=== 2024-11-26")).isLessThan(text.indexOf("=== 2024-11-27"));
  }

  @Test
  void notes_survive_regeneration_and_the_text_file_never_shows_a_day_twice() throws Exception {
    TestClock clock = new TestClock(ny(27, 17, 0));
    DailyLogs logs = logs(clock);
    logs.catchUp(clock.instant());
    logs.note(
        LocalDate.of(2024, 11, 26), DailyLogRepository.Section.LESSONS, "held through the dip");
    logs.write(LocalDate.of(2024, 11, 26), "regenerated by hand");
    logs.write(LocalDate.of(2024, 11, 26), null);

    DailyLogRepository.Row day = logs.last(10).get(1);
    assertThat(day.lessons()).isEqualTo("held through the dip");
    assertThat(day.notes()).isEqualTo("regenerated by hand");
    String text = Files.readString(DailyLogs.textFileFor(dir, "main"));
    assertThat(text.split("=== 2024-11-26", -1)).hasSize(2);
    assertThat(text.indexOf("=== 2024-11-25")).isLessThan(text.indexOf("=== 2024-11-26"));
    assertThat(text).contains("Lessons learned: held through the dip");
  }

  @Test
  void a_day_before_the_portfolio_or_a_holiday_is_refused_and_changes_nothing() {
    TestClock clock = new TestClock(ny(29, 17, 0));
    DailyLogs logs = logs(clock);
    assertThatThrownBy(() -> logs.write(LocalDate.of(2024, 11, 22), null))
        .hasMessage("2024-11-22 is before portfolio main existed (its first day is 2024-11-25)");
    assertThatThrownBy(() -> logs.write(LocalDate.of(2024, 11, 28), null))
        .hasMessageContaining("not a NYSE trading day (a holiday: Thanksgiving");
    assertThatThrownBy(
            () -> logs.note(LocalDate.of(2024, 11, 26), DailyLogRepository.Section.FOCUS, "x"))
        .hasMessageContaining("has no daily log for 2024-11-26");
    assertThat(logs.last(10)).isEmpty();
  }
}
