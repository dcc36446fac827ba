package io.tradecore.store;

import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PlanId;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import io.tradecore.core.engine.Action;
import io.tradecore.core.plan.PlanSpec;
import io.tradecore.core.plan.Sizing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a strategy's actions into JSON text and back, exactly (decimals as strings). */
public final class ActionCodec {
  private ActionCodec() {}

  public static String write(List<Action> actions) {
    List<Map<String, Object>> out = new ArrayList<>(actions.size());
    for (Action a : actions) {
      Map<String, Object> m = new LinkedHashMap<>();
      switch (a) {
        case Action.OpenPlan o -> {
          m.put("type", "open");
          m.put("symbol", o.instrument() == null ? null : o.instrument().symbol());
          PlanSpec s = o.spec();
          m.put("side", s.side().name());
          switch (s.sizing()) {
            case Sizing.Fixed f -> m.put("quantity", f.quantity().toString());
            case Sizing.CashShare c -> m.put("cash_share", c.share().toPlainString());
          }
          m.put("entry_limit", s.entryLimit());
          m.put("stop", s.stop());
          m.put("target", s.target());
          m.put("trail", s.trailDistance());
          m.put("tif", s.timeInForce().name());
        }
        case Action.AdjustPlan j -> {
          m.put("type", "adjust");
          m.put("plan", j.planId().value());
          m.put("stop", j.stop());
          m.put("target", j.target());
          m.put("trail", j.trailDistance());
        }
        case Action.ClosePlan c -> {
          m.put("type", "close");
          m.put("plan", c.planId().value());
        }
        case Action.CancelPlan c -> {
          m.put("type", "cancel");
          m.put("plan", c.planId().value());
        }
      }
      out.add(m);
    }
    return Codec.write(out);
  }

  /**
   * The actions in {@code json}; a plan opened on a symbol not in {@code instruments} fails with a
   * {@link StoreException} naming it.
   */
  @SuppressWarnings("unchecked")
  public static List<Action> read(String json, Map<String, Instrument> instruments) {
    List<Action> out = new ArrayList<>();
    for (Object item : Codec.readList(json)) {
      Map<String, Object> m = (Map<String, Object>) item;
      String type = (String) m.get("type");
      switch (type) {
        case "open" -> {
          String symbol = (String) m.get("symbol");
          Instrument instrument = symbol == null ? null : instruments.get(symbol);
          if (symbol != null && instrument == null) {
            throw new StoreException("a stored decision opens a plan on unknown " + symbol);
          }
          Sizing sizing =
              m.get("quantity") != null
                  ? new Sizing.Fixed(Quantity.parse((String) m.get("quantity")))
                  : new Sizing.CashShare(new BigDecimal((String) m.get("cash_share")));
          PlanSpec spec =
              new PlanSpec(
                  Side.valueOf((String) m.get("side")),
                  sizing,
                  number(m, "entry_limit"),
                  number(m, "stop"),
                  number(m, "target"),
                  number(m, "trail"),
                  TimeInForce.valueOf((String) m.get("tif")));
          out.add(new Action.OpenPlan(instrument, spec));
        }
        case "adjust" ->
            out.add(
                new Action.AdjustPlan(
                    new PlanId((String) m.get("plan")),
                    number(m, "stop"),
                    number(m, "target"),
                    number(m, "trail")));
        case "close" -> out.add(new Action.ClosePlan(new PlanId((String) m.get("plan"))));
        case "cancel" -> out.add(new Action.CancelPlan(new PlanId((String) m.get("plan"))));
        default -> throw new StoreException("a stored decision has an unknown action " + type);
      }
    }
    return out;
  }

  private static long number(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).longValue();
  }
}
