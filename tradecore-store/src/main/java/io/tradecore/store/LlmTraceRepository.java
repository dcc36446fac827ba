package io.tradecore.store;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * The llm_traces and llm_spend tables: every question asked of the model, and the spend per
 * portfolio, trading day and bot_version. Storing a trace books its cost in the same transaction,
 * so the spend is always the exact sum of the stored traces.
 */
public final class LlmTraceRepository {
  /** The outcome of a question sent whose answer is not in yet. */
  public static final String ASKING = "asking";

  /**
   * One trace as stored; token counts and the response are null when there were none. Strings for
   * the mode ({@code live}, {@code record}, {@code replay}) and outcome ({@code accepted}, {@code
   * refused}, {@code held}, {@code failed}); {@code decisionsJson} as written by the LLM layer.
   */
  public record Row(
      String traceId,
      PortfolioId portfolioId,
      RunId runId,
      String botVersion,
      Instant moment,
      String day,
      String requestHash,
      String mode,
      String model,
      String reportedModel,
      String systemPrompt,
      String userPrompt,
      String response,
      Long inputTokens,
      Long outputTokens,
      BigDecimal cost,
      long latencyMillis,
      int attempts,
      String outcome,
      String reason,
      String decisionsJson,
      Instant recordedAt) {
    public Row {
      Objects.requireNonNull(traceId, "traceId");
      Objects.requireNonNull(portfolioId, "portfolioId");
      Objects.requireNonNull(cost, "cost");
    }
  }

  /** The spend of one portfolio on one day under one bot_version. */
  public record Spend(
      String day,
      String botVersion,
      long calls,
      long inputTokens,
      long outputTokens,
      BigDecimal cost) {}

  /**
   * Stores {@code t} and adds its cost, tokens and calls to the day's spend; a trace id already
   * stored changes nothing. Returns whether it was new.
   */
  public boolean insertIfAbsent(Handle h, Row t) {
    int inserted =
        h.createUpdate(
                "INSERT INTO llm_traces (trace_id, portfolio_id, run_id, bot_version, moment_ms,"
                    + " day, request_hash, mode, model, reported_model, system_prompt,"
                    + " user_prompt, response, input_tokens, output_tokens, cost, latency_ms,"
                    + " attempts, outcome, reason, decisions, recorded_ms) VALUES (:id, :p, :run,"
                    + " :version, :moment, :day, :hash, :mode, :model, :reported, :system, :user,"
                    + " :response, :input, :output, :cost, :latency, :attempts, :outcome,"
                    + " :reason, :decisions, :recorded) ON CONFLICT (trace_id) DO NOTHING")
            .bind("id", t.traceId())
            .bind("p", t.portfolioId().value())
            .bind("run", t.runId().value())
            .bind("version", t.botVersion())
            .bind("moment", t.moment().toEpochMilli())
            .bind("day", t.day())
            .bind("hash", t.requestHash())
            .bind("mode", t.mode())
            .bind("model", t.model())
            .bind("reported", t.reportedModel())
            .bind("system", t.systemPrompt())
            .bind("user", t.userPrompt())
            .bind("response", t.response())
            .bind("input", t.inputTokens())
            .bind("output", t.outputTokens())
            .bind("cost", t.cost().toPlainString())
            .bind("latency", t.latencyMillis())
            .bind("attempts", t.attempts())
            .bind("outcome", t.outcome())
            .bind("reason", t.reason())
            .bind("decisions", t.decisionsJson())
            .bind("recorded", t.recordedAt().toEpochMilli())
            .execute();
    if (inserted == 0) {
      return false;
    }
    book(h, t);
    return true;
  }

  /**
   * Marks the question {@code t} describes as sent, before the call: outcome {@link #ASKING}, no
   * response, nothing booked. {@link #complete} replaces it once the answer is in; a marker that
   * remains tells a restarted runner the question was sent and its answer lost.
   */
  public void markAsking(Handle h, Row t) {
    h.createUpdate(
            "INSERT INTO llm_traces (trace_id, portfolio_id, run_id, bot_version, moment_ms, day,"
                + " request_hash, mode, model, system_prompt, user_prompt, cost, latency_ms,"
                + " attempts, outcome, reason, decisions, recorded_ms) VALUES (:id, :p, :run,"
                + " :version, :moment, :day, :hash, :mode, :model, :system, :user, '0', 0, 0,"
                + " :outcome, :reason, :decisions, :recorded) ON CONFLICT (trace_id) DO NOTHING")
        .bind("id", t.traceId())
        .bind("p", t.portfolioId().value())
        .bind("run", t.runId().value())
        .bind("version", t.botVersion())
        .bind("moment", t.moment().toEpochMilli())
        .bind("day", t.day())
        .bind("hash", t.requestHash())
        .bind("mode", t.mode())
        .bind("model", t.model())
        .bind("system", t.systemPrompt())
        .bind("user", t.userPrompt())
        .bind("outcome", ASKING)
        .bind("reason", "sent; no answer yet")
        .bind("decisions", t.decisionsJson())
        .bind("recorded", t.recordedAt().toEpochMilli())
        .execute();
  }

  /**
   * Stores the trace of an answered (or lost) question in place of its {@link #ASKING} marker, and
   * books its cost. Returns whether it was new.
   */
  public boolean complete(Handle h, Row t) {
    h.createUpdate(
            "DELETE FROM llm_traces WHERE portfolio_id = :p AND moment_ms = :moment AND outcome ="
                + " :asking")
        .bind("p", t.portfolioId().value())
        .bind("moment", t.moment().toEpochMilli())
        .bind("asking", ASKING)
        .execute();
    return insertIfAbsent(h, t);
  }

  /** The traces of a portfolio's moment (markers of questions still out included), oldest first. */
  public List<Row> atMoment(Handle h, PortfolioId p, Instant moment) {
    return h.createQuery(
            "SELECT * FROM llm_traces WHERE portfolio_id = :p AND moment_ms = :moment ORDER BY"
                + " recorded_ms, trace_id")
        .bind("p", p.value())
        .bind("moment", moment.toEpochMilli())
        .map((rs, ctx) -> row(rs))
        .list();
  }

  // TEXT decimals cannot be summed in SQL exactly on SQLite, so the sum is made here; one runner
  // holds a portfolio's lease, so nothing else writes its spend at the same time.
  private void book(Handle h, Row t) {
    long input = t.inputTokens() == null ? 0 : t.inputTokens();
    long output = t.outputTokens() == null ? 0 : t.outputTokens();
    Optional<Spend> current =
        h.createQuery(
                "SELECT * FROM llm_spend WHERE portfolio_id = :p AND day = :day AND bot_version ="
                    + " :version")
            .bind("p", t.portfolioId().value())
            .bind("day", t.day())
            .bind("version", t.botVersion())
            .map((rs, ctx) -> spend(rs))
            .findOne();
    Spend next =
        current
            .map(
                s ->
                    new Spend(
                        s.day(),
                        s.botVersion(),
                        s.calls() + t.attempts(),
                        s.inputTokens() + input,
                        s.outputTokens() + output,
                        s.cost().add(t.cost())))
            .orElse(new Spend(t.day(), t.botVersion(), t.attempts(), input, output, t.cost()));
    h.createUpdate(
            "INSERT INTO llm_spend (portfolio_id, day, bot_version, calls, input_tokens,"
                + " output_tokens, cost) VALUES (:p, :day, :version, :calls, :input, :output,"
                + " :cost) ON CONFLICT (portfolio_id, day, bot_version) DO UPDATE SET calls ="
                + " excluded.calls, input_tokens = excluded.input_tokens, output_tokens ="
                + " excluded.output_tokens, cost = excluded.cost")
        .bind("p", t.portfolioId().value())
        .bind("day", next.day())
        .bind("version", next.botVersion())
        .bind("calls", next.calls())
        .bind("input", next.inputTokens())
        .bind("output", next.outputTokens())
        .bind("cost", next.cost().toPlainString())
        .execute();
  }

  public Optional<Row> get(Handle h, String traceId) {
    return h.createQuery("SELECT * FROM llm_traces WHERE trace_id = :id")
        .bind("id", traceId)
        .map((rs, ctx) -> row(rs))
        .findOne();
  }

  /** A portfolio's traces, by moment and then by when they were made. */
  public List<Row> forPortfolio(Handle h, PortfolioId p) {
    return h.createQuery(
            "SELECT * FROM llm_traces WHERE portfolio_id = :p ORDER BY moment_ms, recorded_ms,"
                + " trace_id")
        .bind("p", p.value())
        .map((rs, ctx) -> row(rs))
        .list();
  }

  /** A portfolio's traces of one trading day, by moment. */
  public List<Row> onDay(Handle h, PortfolioId p, String day) {
    return h.createQuery(
            "SELECT * FROM llm_traces WHERE portfolio_id = :p AND day = :day ORDER BY moment_ms,"
                + " recorded_ms, trace_id")
        .bind("p", p.value())
        .bind("day", day)
        .map((rs, ctx) -> row(rs))
        .list();
  }

  /** How many traces of a day ended in each outcome. */
  public Map<String, Long> outcomesOn(Handle h, PortfolioId p, String day) {
    Map<String, Long> out = new TreeMap<>();
    h.createQuery(
            "SELECT outcome, COUNT(*) AS n FROM llm_traces WHERE portfolio_id = :p AND day = :day"
                + " GROUP BY outcome")
        .bind("p", p.value())
        .bind("day", day)
        .map((rs, ctx) -> Map.entry(rs.getString("outcome"), rs.getLong("n")))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** A portfolio's spend rows, by day and bot_version. */
  public List<Spend> spend(Handle h, PortfolioId p) {
    return h.createQuery(
            "SELECT * FROM llm_spend WHERE portfolio_id = :p ORDER BY day, bot_version")
        .bind("p", p.value())
        .map((rs, ctx) -> spend(rs))
        .list();
  }

  /** Everything a portfolio spent on the model. */
  public BigDecimal spentTotal(Handle h, PortfolioId p) {
    return spend(h, p).stream().map(Spend::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** What a portfolio spent on one trading day, every bot_version together. */
  public BigDecimal spentOn(Handle h, PortfolioId p, String day) {
    return spend(h, p).stream()
        .filter(s -> s.day().equals(day))
        .map(Spend::cost)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** What a portfolio spent on each day from {@code from} to {@code to}, both included. */
  public Map<String, BigDecimal> spentByDay(Handle h, PortfolioId p, String from, String to) {
    Map<String, BigDecimal> out = new TreeMap<>();
    h.createQuery(
            "SELECT * FROM llm_spend WHERE portfolio_id = :p AND day >= :from AND day <= :to"
                + " ORDER BY day, bot_version")
        .bind("p", p.value())
        .bind("from", from)
        .bind("to", to)
        .map((rs, ctx) -> spend(rs))
        .forEach(s -> out.merge(s.day(), s.cost(), BigDecimal::add));
    return out;
  }

  /** What each bot_version of a portfolio spent in total. */
  public Map<String, BigDecimal> spentByVersion(Handle h, PortfolioId p) {
    Map<String, BigDecimal> out = new TreeMap<>();
    spend(h, p).forEach(s -> out.merge(s.botVersion(), s.cost(), BigDecimal::add));
    return out;
  }

  private static Spend spend(ResultSet rs) throws SQLException {
    return new Spend(
        rs.getString("day"),
        rs.getString("bot_version"),
        rs.getLong("calls"),
        rs.getLong("input_tokens"),
        rs.getLong("output_tokens"),
        new BigDecimal(rs.getString("cost")));
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(
        rs.getString("trace_id"),
        new PortfolioId(rs.getString("portfolio_id")),
        new RunId(rs.getString("run_id")),
        rs.getString("bot_version"),
        Instant.ofEpochMilli(rs.getLong("moment_ms")),
        rs.getString("day"),
        rs.getString("request_hash"),
        rs.getString("mode"),
        rs.getString("model"),
        rs.getString("reported_model"),
        rs.getString("system_prompt"),
        rs.getString("user_prompt"),
        rs.getString("response"),
        nullableLong(rs, "input_tokens"),
        nullableLong(rs, "output_tokens"),
        new BigDecimal(rs.getString("cost")),
        rs.getLong("latency_ms"),
        rs.getInt("attempts"),
        rs.getString("outcome"),
        rs.getString("reason"),
        rs.getString("decisions"),
        Instant.ofEpochMilli(rs.getLong("recorded_ms")));
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
