package io.tradecore.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.tradecore.runner.Portfolios;
import io.tradecore.runner.config.TradeCoreConfig;
import io.tradecore.runner.dailylog.DailyLogs;
import io.tradecore.store.DailyLogRepository;
import io.tradecore.store.Database;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.web.ApiException;
import io.tradecore.web.Params;
import io.tradecore.web.PortfolioLookup;
import io.tradecore.web.view.LogView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The daily performance logs of a portfolio, and a person's notes on a day. */
public final class LogApi {
  /** The longest note accepted, in characters. */
  static final int MAX_NOTE = 10_000;

  private final Database db;
  private final PortfolioLookup lookup;
  private final TradeCoreConfig config;
  private final Clock clock;
  private final ObjectMapper json;
  private final DailyLogRepository logs = new DailyLogRepository();

  public LogApi(
      Database db, PortfolioLookup lookup, TradeCoreConfig config, Clock clock, ObjectMapper json) {
    this.db = db;
    this.lookup = lookup;
    this.config = config;
    this.clock = clock;
    this.json = json;
  }

  /** GET /api/portfolios/{name}/logs?last=N (default 30, 1..1000), oldest first. */
  public void list(Context ctx) {
    int last = Params.integer(ctx, "last", 30, 1, 1000);
    PortfolioRecord record = lookup.find(ctx);
    List<LogView> out =
        db.jdbi().withHandle(h -> logs.last(h, record.id(), last)).stream()
            .map(LogView::of)
            .toList();
    ctx.json(Map.of("logs", out));
  }

  /** GET /api/portfolios/{name}/logs/{day} */
  public void day(Context ctx) {
    LocalDate day = Params.day("day", ctx.pathParam("day"));
    PortfolioRecord record = lookup.find(ctx);
    ctx.json(LogView.of(find(record, day)));
  }

  /** POST /api/portfolios/{name}/logs/{day}/notes with {"section": ..., "text": ...}. */
  public void addNote(Context ctx) {
    LocalDate day = Params.day("day", ctx.pathParam("day"));
    JsonNode body = body(ctx);
    DailyLogRepository.Section section = section(body);
    String text = text(body);
    PortfolioRecord record = lookup.find(ctx);
    find(record, day);
    DailyLogs dailyLogs =
        new DailyLogs(
            db,
            record,
            Portfolios.settings(record),
            DailyLogs.textFileFor(config.dataDir(), record.name()),
            clock);
    dailyLogs.note(day, section, text);
    ctx.json(LogView.of(find(record, day)));
  }

  private DailyLogRepository.Row find(PortfolioRecord record, LocalDate day) {
    return db.jdbi()
        .withHandle(h -> logs.get(h, record.id(), day.toString()))
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "portfolio " + record.name() + " has no daily log for " + day));
  }

  private JsonNode body(Context ctx) {
    try {
      JsonNode node = json.readTree(ctx.body());
      if (node == null || !node.isObject()) {
        throw ApiException.badParameter(
            "body", "the body must be a JSON object like {\"section\": \"notes\", \"text\": ...}");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ApiException.badParameter("body", "the body is not valid JSON");
    }
  }

  private static DailyLogRepository.Section section(JsonNode body) {
    JsonNode node = body.get("section");
    if (node == null || node.isNull()) {
      return DailyLogRepository.Section.NOTES;
    }
    if (!node.isTextual()) {
      throw ApiException.badParameter(
          "section", "section must be one of notes, lessons, context, focus");
    }
    try {
      return DailyLogRepository.Section.named(node.asText());
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter("section", e.getMessage());
    }
  }

  private static String text(JsonNode body) {
    JsonNode node = body.get("text");
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw ApiException.badParameter("text", "text must be a non-empty string");
    }
    String text = node.asText().strip();
    if (!isPlainText(text)) {
      throw ApiException.badParameter(
          "text",
          "text must be plain text: no control characters but line breaks and tabs, and no"
              + " unpaired surrogates");
    }
    if (text.length() > MAX_NOTE) {
      throw ApiException.badParameter(
          "text", "text must be at most " + MAX_NOTE + " characters but has " + text.length());
    }
    return text;
  }

  /**
   * Whether {@code text} is text a database stores as written: no NUL or other control character
   * but line breaks and tabs (PostgreSQL refuses NUL), and every surrogate paired.
   */
  private static boolean isPlainText(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)
          || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
        return false;
      }
    }
    return true;
  }
}
