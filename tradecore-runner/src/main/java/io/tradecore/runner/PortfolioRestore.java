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
import io.tradecore.store.FillRepository;
import io.tradecore.store.OrderRecord;
import io.tradecore.store.OrderRepository;
import io.tradecore.store.PlanRepository;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.StatsRepository;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

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
    OrderRepository orders = new OrderRepository();
    List<Plan> open =
        db.jdbi().withHandle(h -> new PlanRepository().open(h, portfolio, instruments));
    Map<String, Integer> exits =
        db.jdbi()
            .withHandle(
                h ->
                    orders.exitsSent(
                        h, portfolio, open.stream().map(p -> p.id().value()).toList()));
    for (Plan plan : open) {
      engine.restorePlan(plan, exits.getOrDefault(plan.id().value(), 0));
    }
    for (OrderRecord o :
        db.jdbi()
            .withHandle(h -> orders.withStatus(h, portfolio, OrderStatus.WORKING, instruments))) {
      engine.restoreWorkingOrder(
          o.order(), o.entry() ? OrderRole.ENTRY : OrderRole.EXIT, o.exitReason());
      recorder.know(o);
    }
  }

  /**
   * The portfolio's ledger: from the stats cache's snapshot when it covers exactly the stored fills
   * (a start that does not grow with the history), else rebuilt from every fill, the truth, and a
   * snapshot that differed from that rebuild reported to {@code differed}.
   */
  static Portfolio ledger(
      Handle h,
      PortfolioRecord record,
      Map<String, Instrument> instruments,
      Consumer<String> differed) {
    StatsRepository stats = new StatsRepository();
    var current = stats.current(h, record.id());
    if (current.isPresent()) {
      return current.get().snapshot().restore(record, instruments);
    }
    Portfolio rebuilt = new Portfolio(record.id(), record.baseCurrency(), record.startingCash());
    new FillRepository().forEach(h, record.id(), instruments, rebuilt::apply);
    var cached = stats.load(h, record.id());
    var fromFills = StatsRepository.Stats.of(rebuilt.ledger());
    if (cached.isPresent() && !cached.get().sameAs(fromFills)) {
      differed.accept(
          "the stats cache differed from a rebuild from fills (cash "
              + cached.get().cash().toPlainString()
              + " vs "
              + fromFills.cash().toPlainString()
              + "); the fills win and the cache is rewritten");
    }
    return rebuilt;
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
