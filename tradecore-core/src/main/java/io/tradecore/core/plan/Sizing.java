package io.tradecore.core.plan;

import io.tradecore.core.domain.Quantity;
import java.math.BigDecimal;

/** How large a plan's entry is. */
public sealed interface Sizing {
  /**
   * A fixed quantity, rounded down to whole lots of the instrument (and to whole shares where the
   * venue takes no fractions).
   */
  record Fixed(Quantity quantity) implements Sizing {}

  /**
   * Commit this share (0 < share <= 1) of the cash available: the largest quantity, in whole lots,
   * whose notional plus fees fits. A long plan spends it; a short plan holds it as margin (a short
   * ties up as much cash as a long of the same value). Where the venue takes no fractions, the
   * engine turns the share into whole shares at the reference price before it sends the order.
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
