package io.tradecore.llm.answer;

import io.tradecore.core.domain.PlanId;
import io.tradecore.core.domain.Side;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One decision of the model that passed validation; prices and quantities exactly as the model
 * wrote them. Every decision carries the model's reason.
 */
public sealed interface Decision {
  String reason();

  /** Open a plan; {@code target} may be null (none). */
  record OpenPlan(
      String symbol,
      Side side,
      BigDecimal quantity,
      Entry entry,
      BigDecimal stop,
      BigDecimal target,
      String reason)
      implements Decision {
    public OpenPlan {
      Objects.requireNonNull(symbol, "symbol");
      Objects.requireNonNull(side, "side");
      Objects.requireNonNull(quantity, "quantity");
      Objects.requireNonNull(entry, "entry");
      Objects.requireNonNull(stop, "stop");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Move an open plan's stop and/or target; a null level stays as it is. */
  record AdjustPlan(PlanId planId, BigDecimal stop, BigDecimal target, String reason)
      implements Decision {
    public AdjustPlan {
      Objects.requireNonNull(planId, "planId");
      Objects.requireNonNull(reason, "reason");
      if (stop == null && target == null) {
        throw new IllegalArgumentException("an adjustment changes a stop or a target");
      }
    }
  }

  /** Close an open plan. */
  record ClosePlan(PlanId planId, String reason) implements Decision {
    public ClosePlan {
      Objects.requireNonNull(planId, "planId");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Do nothing now. */
  record Hold(String reason) implements Decision {
    public Hold {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
