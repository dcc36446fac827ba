package io.tradecore.store;

import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import io.tradecore.core.engine.Action;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The decisions table: each moment's answer of a portfolio's strategy. */
public final class DecisionRepository {

  /** Stores the answer for the moment at {@code time}; an answer already stored is kept. */
  public void insertIfAbsent(
      Handle h,
      PortfolioId portfolio,
      Instant time,
      String strategy,
      List<Action> actions,
      RunId run,
      Instant recorded) {
    try (JdbcBatch s =
        JdbcBatch.of(
            h,
            "INSERT INTO decisions (portfolio_id, time_ms, strategy, actions, run_id, recorded_ms)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (portfolio_id, time_ms) DO NOTHING")) {
      s.text(portfolio.value())
          .integer(time.toEpochMilli())
          .text(strategy)
          .text(ActionCodec.write(actions))
          .text(run == null ? null : run.value())
          .integer(recorded.toEpochMilli())
          .update();
    }
  }

  /** The answer stored for the moment at {@code time}, if any. */
  public Optional<List<Action>> find(
      Handle h, PortfolioId portfolio, Instant time, Map<String, Instrument> instruments) {
    return h.createQuery("SELECT actions FROM decisions WHERE portfolio_id = :p AND time_ms = :t")
        .bind("p", portfolio.value())
        .bind("t", time.toEpochMilli())
        .mapTo(String.class)
        .findOne()
        .map(json -> ActionCodec.read(json, instruments));
  }

  /** Every stored answer of the portfolio, oldest first: time to actions. */
  public List<Map.Entry<Instant, List<Action>>> all(
      Handle h, PortfolioId portfolio, Map<String, Instrument> instruments) {
    return h.createQuery(
            "SELECT time_ms, actions FROM decisions WHERE portfolio_id = :p ORDER BY time_ms")
        .bind("p", portfolio.value())
        .map(
            (rs, ctx) ->
                Map.entry(
                    Instant.ofEpochMilli(rs.getLong("time_ms")),
                    ActionCodec.read(rs.getString("actions"), instruments)))
        .list();
  }
}
