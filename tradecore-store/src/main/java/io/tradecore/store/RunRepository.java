package io.tradecore.store;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The runs table: every start of a runner, with its bot_version, host and pid. */
public final class RunRepository {
  private static final String COLUMNS =
      "run_id, portfolio_id, bot_version, mode, strategy, params, host, pid, started_ms, ended_ms,"
          + " end_reason";

  public void insert(Handle h, RunRecord r) {
    h.createUpdate(
            "INSERT INTO runs ("
                + COLUMNS
                + ") VALUES (:run, :portfolio, :version, :mode,"
                + " :strategy, :params, :host, :pid, :started, NULL, NULL)")
        .bind("run", r.runId().value())
        .bind("portfolio", r.portfolioId().value())
        .bind("version", r.botVersion())
        .bind("mode", r.mode())
        .bind("strategy", r.strategy())
        .bind("params", r.params())
        .bind("host", r.host())
        .bind("pid", r.pid())
        .bind("started", r.startedAt().toEpochMilli())
        .execute();
  }

  public void end(Handle h, RunId run, Instant at, String reason) {
    h.createUpdate("UPDATE runs SET ended_ms = :at, end_reason = :reason WHERE run_id = :run")
        .bind("at", at.toEpochMilli())
        .bind("reason", reason)
        .bind("run", run.value())
        .execute();
  }

  /** The latest run of the portfolio, a resync's included. */
  public Optional<RunRecord> latest(Handle h, PortfolioId portfolio) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM runs WHERE portfolio_id = :p"
                + " ORDER BY started_ms DESC, run_id DESC LIMIT 1")
        .bind("p", portfolio.value())
        .map(RunRepository::map)
        .findOne();
  }

  /** The latest run that traded the portfolio; a resync does not count as one. */
  public Optional<RunRecord> latestTrading(Handle h, PortfolioId portfolio) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM runs WHERE portfolio_id = :p AND strategy <> :resync"
                + " ORDER BY started_ms DESC, run_id DESC LIMIT 1")
        .bind("p", portfolio.value())
        .bind("resync", RunRecord.RESYNC)
        .map(RunRepository::map)
        .findOne();
  }

  public List<RunRecord> all(Handle h, PortfolioId portfolio) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM runs WHERE portfolio_id = :p ORDER BY started_ms, run_id")
        .bind("p", portfolio.value())
        .map(RunRepository::map)
        .list();
  }

  private static RunRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
    long ended = rs.getLong("ended_ms");
    boolean running = rs.wasNull();
    return new RunRecord(
        new RunId(rs.getString("run_id")),
        new PortfolioId(rs.getString("portfolio_id")),
        rs.getString("bot_version"),
        rs.getString("mode"),
        rs.getString("strategy"),
        rs.getString("params"),
        rs.getString("host"),
        rs.getLong("pid"),
        Instant.ofEpochMilli(rs.getLong("started_ms")),
        running ? null : Instant.ofEpochMilli(ended),
        rs.getString("end_reason"));
  }
}
