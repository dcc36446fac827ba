package io.tradecore.core.plan;

import io.tradecore.core.domain.Quantity;
import java.math.BigDecimal;

/** How large a plan's entry is. */
public sealed interface Sizing {
  /** A fixed quantity. */
  record Fixed(Quantity quantity) implements Sizing {}

  /**
   * Spend this share (0 < share <= 1) of the cash available when the entry fills: the largest
   * quantity whose cost plus fees fits.
   */
  record CashShare(BigDecimal share) implements Sizing {
    public CashShare {
      if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
        throw new IllegalArgumentException("cash share must be in (0, 1] but was " + share);
      }
    }
  }

  static Sizing allIn() {
    return new CashShare(BigDecimal.ONE);
  }
}
