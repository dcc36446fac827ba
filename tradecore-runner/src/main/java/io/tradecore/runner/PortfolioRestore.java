package io.tradecore.runner;

import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.OrderRole;
import io.tradecore.core.domain.OrderStatus;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.engine.Engine;
import io.tradecore.core.ledger.Portfolio;
import io.tradecore.core.plan.Plan;
import io.tradecore.store.Codec;
import io.tradecore.store.Database;
import io.tradecore.store.OrderRecord;
import io.tradecore.store.OrderRepository;
import io.tradecore.store.PlanRepository;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts a restarted runner's engine back where the store says the portfolio stands: its open plans
 * (with how many exit orders each has sent), the orders it has working at the venue, and the last
 * price of each symbol.
 */
final class PortfolioRestore {
  private PortfolioRestore() {}

  /** Re-arms every open plan and re-registers every working order with the engine. */
  static void plansAndOrders(
      Database db,
      PortfolioId portfolio,
      Map<String, Instrument> instruments,
      Engine engine,
      EventRecorder recorder) {
    List<OrderRecord> all =
        db.jdbi().withHandle(h -> new OrderRepository().all(h, portfolio, instruments));
    List<Plan> open =
        db.jdbi().withHandle(h -> new PlanRepository().open(h, portfolio, instruments));
    for (Plan plan : open) {
      int exits =
          (int)
              all.stream()
                  .filter(
                      o ->
                          !o.entry()
                              && plan.id().equals(o.order().planId())
                              && o.status() != OrderStatus.REFUSED)
                  .count();
      engine.restorePlan(plan, exits);
    }
    for (OrderRecord o : all) {
      if (o.status().isOpen()) {
        engine.restoreWorkingOrder(
            o.order(), o.entry() ? OrderRole.ENTRY : OrderRole.EXIT, o.exitReason());
        recorder.know(o);
      }
    }
  }

  /** Marks the portfolio with the stored last prices (JSON: symbol to price), if any. */
  static void marks(Portfolio portfolio, String json) {
    if (json == null) {
      return;
    }
    Codec.readMap(json)
        .forEach((symbol, price) -> portfolio.mark(symbol, new BigDecimal(String.valueOf(price))));
  }

  /** The portfolio's last prices as JSON, for the store. */
  static String marksJson(Portfolio portfolio) {
    Map<String, String> out = new TreeMap<>();
    portfolio.marks().forEach((symbol, price) -> out.put(symbol, price.toPlainString()));
    return Codec.write(out);
  }
}
