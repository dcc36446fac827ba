package io.tradecore.llm.answer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link Verdict} as JSON for traces: accepted decisions with the answer's field names
 * (decimals as strings, exact) and refusals with their index, reason and detail.
 */
public final class VerdictJson {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private VerdictJson() {}

  /** {@code {"accepted": [...], "refused": [...]}}. */
  public static String write(Verdict verdict) {
    List<Map<String, Object>> accepted = new ArrayList<>();
    verdict.accepted().forEach(d -> accepted.add(decision(d)));
    List<Map<String, Object>> refused = new ArrayList<>();
    for (Refusal r : verdict.refusals()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("index", r.index());
      m.put("reason", r.reason().label());
      m.put("detail", r.detail());
      refused.add(m);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("accepted", accepted);
    root.put("refused", refused);
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write decisions as JSON", e);
    }
  }

  private static Map<String, Object> decision(Decision d) {
    Map<String, Object> m = new LinkedHashMap<>();
    switch (d) {
      case Decision.OpenPlan o -> {
        m.put("action", "open_plan");
        m.put("instrument", o.symbol());
        m.put("side", o.side().name().toLowerCase(Locale.ROOT));
        m.put("quantity", text(o.quantity()));
        switch (o.entry()) {
          case Entry.Market market -> m.put("entry", "market");
          case Entry.Limit limit -> {
            m.put("entry", "limit");
            m.put("limit_price", text(limit.price()));
          }
        }
        m.put("stop", text(o.stop()));
        m.put("target", text(o.target()));
      }
      case Decision.AdjustPlan a -> {
        m.put("action", "adjust_plan");
        m.put("plan_id", a.planId().value());
        m.put("stop", text(a.stop()));
        m.put("target", text(a.target()));
      }
      case Decision.ClosePlan c -> {
        m.put("action", "close_plan");
        m.put("plan_id", c.planId().value());
      }
      case Decision.Hold h -> m.put("action", "hold");
    }
    m.put("reason", d.reason());
    return m;
  }

  private static String text(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }
}
