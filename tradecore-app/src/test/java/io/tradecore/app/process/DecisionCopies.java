package io.tradecore.app.process;

import io.tradecore.core.domain.PortfolioId;
import java.util.List;
import java.util.Map;

/** Copies a portfolio's recorded decisions into another database's portfolio. */
final class DecisionCopies {
  private DecisionCopies() {}

  /**
   * The decisions of {@code source} in {@code from} become those of {@code target} in {@code to}.
   */
  static void copy(TestStore from, PortfolioId source, TestStore to, PortfolioId target) {
    List<Map<String, Object>> rows =
        from.db()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT time_ms, strategy, actions, recorded_ms FROM decisions"
                                + " WHERE portfolio_id = :p ORDER BY time_ms")
                        .bind("p", source.value())
                        .mapToMap()
                        .list());
    to.db()
        .jdbi()
        .useTransaction(
            h -> {
              for (Map<String, Object> row : rows) {
                h.createUpdate(
                        "INSERT INTO decisions (portfolio_id, time_ms, strategy, actions, run_id,"
                            + " recorded_ms) VALUES (:p, :t, :s, :a, NULL, :r)")
                    .bind("p", target.value())
                    .bind("t", ((Number) row.get("time_ms")).longValue())
                    .bind("s", (String) row.get("strategy"))
                    .bind("a", (String) row.get("actions"))
                    .bind("r", ((Number) row.get("recorded_ms")).longValue())
                    .execute();
              }
            });
  }
}
