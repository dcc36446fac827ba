package io.tradecore.store;

import io.tradecore.core.domain.Order;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import io.tradecore.core.risk.RiskRefusal;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** Orders risk refused, with the cap, its limit and the value the order would have led to. */
public final class RefusalRepository {

  public void insertIfAbsent(
      Handle h, PortfolioId p, Order o, RiskRefusal r, RunId run, Instant at) {
    h.createUpdate(
            "INSERT INTO risk_refusals (portfolio_id, client_order_id, run_id, time_ms, symbol,"
                + " cap, limit_value, would_be, message) VALUES (:p, :id, :run, :time, :symbol,"
                + " :cap, :limit, :would, :message) ON CONFLICT (portfolio_id, client_order_id) DO"
                + " NOTHING")
        .bind("p", p.value())
        .bind("id", o.id().value())
        .bind("run", run == null ? null : run.value())
        .bind("time", at.toEpochMilli())
        .bind("symbol", o.instrument().symbol())
        .bind("cap", r.cap().name())
        .bind("limit", r.limit().toPlainString())
        .bind("would", r.wouldBe().toPlainString())
        .bind("message", r.message())
        .execute();
  }

  /** When each refusal happened, oldest first. */
  public java.util.List<Instant> times(Handle h, PortfolioId p) {
    return h
        .createQuery("SELECT time_ms FROM risk_refusals WHERE portfolio_id = :p ORDER BY time_ms")
        .bind("p", p.value())
        .mapTo(Long.class)
        .list()
        .stream()
        .map(Instant::ofEpochMilli)
        .toList();
  }

  /** When each refusal whose time falls in [from, to) happened, oldest first. */
  public java.util.List<Instant> timesBetween(Handle h, PortfolioId p, Instant from, Instant to) {
    return h
        .createQuery(
            "SELECT time_ms FROM risk_refusals WHERE portfolio_id = :p AND time_ms >= :f AND"
                + " time_ms < :t ORDER BY time_ms")
        .bind("p", p.value())
        .bind("f", from.toEpochMilli())
        .bind("t", to.toEpochMilli())
        .mapTo(Long.class)
        .list()
        .stream()
        .map(Instant::ofEpochMilli)
        .toList();
  }

  public long countBetween(Handle h, PortfolioId p, Instant from, Instant to) {
    return h.createQuery(
            "SELECT COUNT(*) FROM risk_refusals WHERE portfolio_id = :p AND time_ms >= :f AND"
                + " time_ms < :t")
        .bind("p", p.value())
        .bind("f", from.toEpochMilli())
        .bind("t", to.toEpochMilli())
        .mapTo(Long.class)
        .one();
  }
}
