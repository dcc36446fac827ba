package io.tradecore.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.runner.dailylog.DailyLogs;
import io.tradecore.store.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Adding a person's note to a day's log: only with the token, only to a day that has a log. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotesTest {
  static final String NOTES = "/api/portfolios/alpha/logs/2024-06-05/notes";
  ServerFixture fixture;
  Http http;

  @BeforeAll
  void start() throws Exception {
    fixture =
        ServerFixture.start(
            Dialect.SQLITE, ServerFixture.config().withApiToken(ServerFixture.TOKEN));
    http = fixture.http(ServerFixture.TOKEN);
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  @Test
  void a_note_is_added_to_the_day_and_kept_with_earlier_ones() throws Exception {
    Http.Response first = http.post(NOTES, "{\"section\": \"notes\", \"text\": \"gap up, held\"}");
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().get("notes").asText()).isEqualTo("gap up, held");
    http.post(NOTES, "{\"text\": \"target hit before noon\"}");
    http.post(NOTES, "{\"section\": \"lessons\", \"text\": \"targets at 6% work here\"}");
    JsonNode day = http.get("/api/portfolios/alpha/logs/2024-06-05").json();
    assertThat(day.get("notes").asText()).isEqualTo("gap up, held\ntarget hit before noon");
    assertThat(day.get("lessons").asText()).isEqualTo("targets at 6% work here");
    assertThat(day.get("day").asText()).isEqualTo("2024-06-05");
    Path text = DailyLogs.textFileFor(fixture.cfg.dataDir(), "alpha");
    assertThat(Files.readString(text)).contains("target hit before noon");
  }

  @Test
  void a_note_on_a_day_without_a_log_is_a_404() {
    Http.Response r =
        http.post("/api/portfolios/alpha/logs/2024-06-08/notes", "{\"text\": \"weekend\"}");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("error").asText()).contains("no daily log for 2024-06-08");
    Http.Response unknown =
        http.post("/api/portfolios/nope/logs/2024-06-05/notes", "{\"text\": \"x\"}");
    assertThat(unknown.status()).isEqualTo(404);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"section\": \"diary\", \"text\": \"x\"} | section",
        "{\"section\": 7, \"text\": \"x\"}         | section",
        "{\"section\": \"notes\"}                  | text",
        "{\"text\": \"   \"}                       | text",
        "{\"text\": 42}                            | text",
        "not json                                  | body",
        "[1, 2]                                    | body",
        "{\"text\": \"a\\u0000b\"}                  | text",
        "{\"text\": \"bell \\u0007\"}               | text",
        "{\"text\": \"half \\ud83d pair\"}          | text",
      })
  void a_bad_note_is_a_400_naming_the_field(String body, String parameter) {
    Http.Response r = http.post(NOTES, body);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("parameter").asText()).isEqualTo(parameter);
  }

  @Test
  void a_malformed_day_or_an_overlong_note_is_a_400() {
    Http.Response day = http.post("/api/portfolios/alpha/logs/5-6-2024/notes", "{\"text\": \"x\"}");
    assertThat(day.json().get("parameter").asText()).isEqualTo("day");
    Http.Response longNote = http.post(NOTES, "{\"text\": \"" + "x".repeat(10_001) + "\"}");
    assertThat(longNote.status()).isEqualTo(400);
    assertThat(longNote.json().get("parameter").asText()).isEqualTo("text");
  }

  @Test
  void a_note_without_the_token_is_a_401_and_changes_nothing() {
    Http anonymous = fixture.http(null);
    Http.Response r = anonymous.post(NOTES, "{\"text\": \"sneaky\"}");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    Http.Response wrong =
        new Http(fixture.server.url(), "wrong-token-0123456789").post(NOTES, "{}");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(http.get("/api/portfolios/alpha/logs/2024-06-05").body()).doesNotContain("sneaky");
  }
}
