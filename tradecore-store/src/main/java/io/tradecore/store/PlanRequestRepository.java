package io.tradecore.store;

import io.tradecore.core.domain.PortfolioId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The inbox of a trader's plan requests ({@code plan_requests}): written PENDING by the command or
 * the API, resolved ACCEPTED or REFUSED by the runner in the transaction that commits what the
 * request did.
 */
public final class PlanRequestRepository {

  /** What a request asks for. */
  public enum Kind {
    OPEN,
    ADJUST,
    CLOSE
  }

  /** Where a request stands. */
  public enum Status {
    PENDING,
    ACCEPTED,
    REFUSED
  }

  /**
   * One request. An OPEN names the symbol, side ("BUY" or "SELL") and quantity, and may give a stop
   * and a target; an ADJUST names the plan and a new stop and/or target; a CLOSE names the plan.
   * Prices and quantities are in the instrument's currency and units; null means not given.
   *
   * @param resultPlan the plan the request opened or changed, once accepted
   * @param reason why it was refused
   * @param appliedBy the run that applied it
   */
  public record Request(
      String id,
      PortfolioId portfolio,
      Kind kind,
      String symbol,
      String side,
      BigDecimal quantity,
      BigDecimal stop,
      BigDecimal target,
      String planId,
      String origin,
      Instant createdAt,
      Status status,
      String resultPlan,
      String reason,
      Instant appliedAt,
      String appliedBy) {

    public Request {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(portfolio, "portfolio");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(createdAt, "createdAt");
      Objects.requireNonNull(status, "status");
    }

    /** A new PENDING request. */
    public static Request pending(
        String id,
        PortfolioId portfolio,
        Kind kind,
        String symbol,
        String side,
        BigDecimal quantity,
        BigDecimal stop,
        BigDecimal target,
        String planId,
        String origin,
        Instant createdAt) {
      return new Request(
          id,
          portfolio,
          kind,
          symbol,
          side,
          quantity,
          stop,
          target,
          planId,
          origin,
          createdAt,
          Status.PENDING,
          null,
          null,
          null,
          null);
    }

    public boolean isPending() {
      return status == Status.PENDING;
    }
  }

  /** How the runner resolved a request. */
  public record Outcome(
      String requestId, Status status, String plan, String reason, Instant at, String run) {
    public Outcome {
      if (status == Status.PENDING) {
        throw new IllegalArgumentException("an outcome is ACCEPTED or REFUSED");
      }
    }

    public static Outcome accepted(String requestId, String plan, Instant at, String run) {
      return new Outcome(requestId, Status.ACCEPTED, plan, null, at, run);
    }

    public static Outcome refused(String requestId, String reason, Instant at, String run) {
      return new Outcome(requestId, Status.REFUSED, null, reason, at, run);
    }
  }

  private static final String COLUMNS =
      "request_id, portfolio_id, kind, symbol, side, quantity, stop_price, target_price, plan_id,"
          + " origin, created_ms, status, result_plan, reason, applied_ms, applied_by";

  public void insert(Handle h, Request r) {
    h.createUpdate(
            "INSERT INTO plan_requests ("
                + COLUMNS
                + ") VALUES (:id, :p, :kind, :symbol, :side, :quantity, :stop, :target, :plan,"
                + " :origin, :created, :status, NULL, NULL, NULL, NULL)")
        .bind("id", r.id())
        .bind("p", r.portfolio().value())
        .bind("kind", r.kind().name())
        .bind("symbol", r.symbol())
        .bind("side", r.side())
        .bind("quantity", text(r.quantity()))
        .bind("stop", text(r.stop()))
        .bind("target", text(r.target()))
        .bind("plan", r.planId())
        .bind("origin", r.origin())
        .bind("created", r.createdAt().toEpochMilli())
        .bind("status", r.status().name())
        .execute();
  }

  /** The portfolio's pending requests, oldest first. */
  public List<Request> pending(Handle h, PortfolioId p) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM plan_requests WHERE portfolio_id = :p AND status = 'PENDING'"
                + " ORDER BY created_ms, request_id")
        .bind("p", p.value())
        .map((rs, ctx) -> read(rs))
        .list();
  }

  /** Whether the portfolio has a pending request (cheap: the runner asks on every loop turn). */
  public boolean anyPending(Handle h, PortfolioId p) {
    return h.createQuery(
            "SELECT 1 FROM plan_requests WHERE portfolio_id = :p AND status = 'PENDING' LIMIT 1")
        .bind("p", p.value())
        .mapTo(Integer.class)
        .findFirst()
        .isPresent();
  }

  public Optional<Request> find(Handle h, String id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM plan_requests WHERE request_id = :id")
        .bind("id", id)
        .map((rs, ctx) -> read(rs))
        .findFirst();
  }

  /** The portfolio's latest requests, newest first. */
  public List<Request> latest(Handle h, PortfolioId p, int limit) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM plan_requests WHERE portfolio_id = :p"
                + " ORDER BY created_ms DESC, request_id DESC LIMIT :n")
        .bind("p", p.value())
        .bind("n", limit)
        .map((rs, ctx) -> read(rs))
        .list();
  }

  /**
   * Marks a pending request resolved; false (nothing changed) if it was resolved already, so a
   * request is resolved once.
   */
  public boolean resolve(Handle h, Outcome o) {
    return h.createUpdate(
                "UPDATE plan_requests SET status = :status, result_plan = :plan, reason = :reason,"
                    + " applied_ms = :at, applied_by = :run"
                    + " WHERE request_id = :id AND status = 'PENDING'")
            .bind("status", o.status().name())
            .bind("plan", o.plan())
            .bind("reason", o.reason())
            .bind("at", o.at().toEpochMilli())
            .bind("run", o.run())
            .bind("id", o.requestId())
            .execute()
        == 1;
  }

  private static String text(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  private static BigDecimal decimal(String text) {
    return text == null ? null : new BigDecimal(text);
  }

  private static Request read(ResultSet rs) throws SQLException {
    long applied = rs.getLong("applied_ms");
    boolean wasApplied = !rs.wasNull();
    return new Request(
        rs.getString("request_id"),
        new PortfolioId(rs.getString("portfolio_id")),
        Kind.valueOf(rs.getString("kind")),
        rs.getString("symbol"),
        rs.getString("side"),
        decimal(rs.getString("quantity")),
        decimal(rs.getString("stop_price")),
        decimal(rs.getString("target_price")),
        rs.getString("plan_id"),
        rs.getString("origin"),
        Instant.ofEpochMilli(rs.getLong("created_ms")),
        Status.valueOf(rs.getString("status")),
        rs.getString("result_plan"),
        rs.getString("reason"),
        wasApplied ? Instant.ofEpochMilli(applied) : null,
        rs.getString("applied_by"));
  }
}
