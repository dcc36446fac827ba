package io.tradecore.store;

import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.PortfolioId;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The venue_orders table: a broker's own id of each of our orders, so a fill it reports by its
 * order id finds our client order id after a restart (the legs of an OCO pair get ids the broker
 * makes up).
 */
public final class VenueOrderRepository {

  /** Records that the broker keeps our order {@code ours} as {@code brokerId}; once is enough. */
  public void link(Handle h, PortfolioId p, String brokerId, ClientOrderId ours, Instant at) {
    if (clientOrderId(h, p, brokerId).isPresent()) {
      return;
    }
    h.createUpdate(
            "INSERT INTO venue_orders (portfolio_id, broker_order_id, client_order_id, created_ms)"
                + " VALUES (:p, :b, :c, :t)")
        .bind("p", p.value())
        .bind("b", brokerId)
        .bind("c", ours.value())
        .bind("t", at.toEpochMilli())
        .execute();
  }

  /** Our id of the broker's order {@code brokerId}, if it is one of ours. */
  public Optional<ClientOrderId> clientOrderId(Handle h, PortfolioId p, String brokerId) {
    return h.createQuery(
            "SELECT client_order_id FROM venue_orders WHERE portfolio_id = :p AND"
                + " broker_order_id = :b")
        .bind("p", p.value())
        .bind("b", brokerId)
        .mapTo(String.class)
        .findOne()
        .map(ClientOrderId::new);
  }

  /** The broker's latest id of our order {@code ours} (a replaced order keeps its own). */
  public Optional<String> brokerOrderId(Handle h, PortfolioId p, ClientOrderId ours) {
    return h.createQuery(
            "SELECT broker_order_id FROM venue_orders WHERE portfolio_id = :p AND"
                + " client_order_id = :c ORDER BY created_ms DESC")
        .bind("p", p.value())
        .bind("c", ours.value())
        .mapTo(String.class)
        .findFirst();
  }
}
