package io.tradecore.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.tradecore.store.Database;
import io.tradecore.store.LlmTraceRepository;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.query.PlanQueries;
import io.tradecore.web.Params;
import io.tradecore.web.PortfolioLookup;
import io.tradecore.web.view.Times;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The LLM strategy's questions of a portfolio: every trace, the plans it opened, the spend. */
public final class LlmApi {
  private static final List<String> ALL_STATUSES =
      List.of("PENDING", "ACTIVE", "CLOSED", "CANCELLED");

  private final Database db;
  private final PortfolioLookup lookup;
  private final ObjectMapper json;
  private final LlmTraceRepository traces = new LlmTraceRepository();
  private final PlanQueries plans = new PlanQueries();

  public LlmApi(Database db, PortfolioLookup lookup, ObjectMapper json) {
    this.db = db;
    this.lookup = lookup;
    this.json = json;
  }

  /** One question to the model as the API shows it. */
  public record TraceView(
      String traceId,
      String runId,
      String botVersion,
      String moment,
      String day,
      String mode,
      String model,
      String reportedModel,
      String outcome,
      String reason,
      Long inputTokens,
      Long outputTokens,
      BigDecimal cost,
      long latencyMs,
      int attempts,
      String requestHash,
      JsonNode decisions,
      List<String> openedPlans,
      String userPrompt,
      String response) {}

  /** What a portfolio spent on the model on one day under one bot_version. */
  public record SpendView(
      String day,
      String botVersion,
      long calls,
      long inputTokens,
      long outputTokens,
      BigDecimal cost) {}

  /**
   * GET /api/portfolios/{name}/llm/traces?day=yyyy-mm-dd&amp;last=N (default 200, 1..5000): the
   * last N questions (of the day, if given), oldest first, each with the plans opened at its
   * moment; the spend per day and bot_version, in total and per bot_version (every day).
   */
  public void traces(Context ctx) {
    LocalDate day = Params.day(ctx, "day");
    int last = Params.integer(ctx, "last", 200, 1, 5000);
    PortfolioRecord record = lookup.find(ctx);
    List<TraceView> out = new ArrayList<>();
    List<SpendView> spend = new ArrayList<>();
    Map<String, BigDecimal> byVersion = new TreeMap<>();
    db.jdbi()
        .useHandle(
            h -> {
              List<LlmTraceRepository.Row> rows =
                  day == null
                      ? traces.forPortfolio(h, record.id())
                      : traces.onDay(h, record.id(), day.toString());
              rows = rows.subList(Math.max(0, rows.size() - last), rows.size());
              Map<Long, List<String>> opened = new HashMap<>();
              for (PlanQueries.Row p : plans.withStatus(h, record.id(), ALL_STATUSES)) {
                opened.computeIfAbsent(p.createdMs(), t -> new ArrayList<>()).add(p.planId());
              }
              for (LlmTraceRepository.Row r : rows) {
                out.add(view(r, opened.getOrDefault(r.moment().toEpochMilli(), List.of())));
              }
              traces
                  .spend(h, record.id())
                  .forEach(
                      s -> {
                        byVersion.merge(s.botVersion(), s.cost(), BigDecimal::add);
                        spend.add(
                            new SpendView(
                                s.day(),
                                s.botVersion(),
                                s.calls(),
                                s.inputTokens(),
                                s.outputTokens(),
                                s.cost()));
                      });
            });
    BigDecimal total = byVersion.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    ctx.json(Map.of("traces", out, "spend", spend, "spent", total, "spent_by_version", byVersion));
  }

  private TraceView view(LlmTraceRepository.Row r, List<String> opened) {
    return new TraceView(
        r.traceId(),
        r.runId().value(),
        r.botVersion(),
        Times.iso(r.moment().toEpochMilli()),
        r.day(),
        r.mode(),
        r.model(),
        r.reportedModel(),
        r.outcome(),
        r.reason(),
        r.inputTokens(),
        r.outputTokens(),
        r.cost(),
        r.latencyMillis(),
        r.attempts(),
        r.requestHash(),
        decisions(r.decisionsJson()),
        opened,
        r.userPrompt(),
        r.response());
  }

  private JsonNode decisions(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      return json.getNodeFactory().textNode(text);
    }
  }
}
