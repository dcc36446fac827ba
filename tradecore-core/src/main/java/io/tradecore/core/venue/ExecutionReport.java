package io.tradecore.core.venue;

import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Fill;
import java.time.Instant;
import java.util.Objects;

/**
 * What a venue says happened to one of our orders. Reports arrive on whatever thread the venue
 * uses, are queued, and are applied by the engine on its own thread in the order they arrived.
 */
public sealed interface ExecutionReport {
  ClientOrderId orderId();

  /** When it happened at the venue (market time for a simulated venue). */
  Instant time();

  /** The venue took the order; {@code venueOrderId} is its own id for it, or null. */
  record Accepted(ClientOrderId orderId, Instant time, String venueOrderId)
      implements ExecutionReport {
    public Accepted {
      Objects.requireNonNull(orderId, "orderId");
      Objects.requireNonNull(time, "time");
    }
  }

  /** The venue refused the order; nothing of it will fill. */
  record Rejected(ClientOrderId orderId, Instant time, String reason) implements ExecutionReport {
    public Rejected {
      Objects.requireNonNull(orderId, "orderId");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Part of the order filled; the rest keeps working. */
  record PartiallyFilled(Fill fill) implements ExecutionReport {
    public PartiallyFilled {
      Objects.requireNonNull(fill, "fill");
    }

    @Override
    public ClientOrderId orderId() {
      return fill.orderId();
    }

    @Override
    public Instant time() {
      return fill.time();
    }
  }

  /** The order's last fill: nothing of it is working any more. */
  record Filled(Fill fill) implements ExecutionReport {
    public Filled {
      Objects.requireNonNull(fill, "fill");
    }

    @Override
    public ClientOrderId orderId() {
      return fill.orderId();
    }

    @Override
    public Instant time() {
      return fill.time();
    }
  }

  /** The order stopped working unfilled or part-filled, because we or the venue cancelled it. */
  record Cancelled(ClientOrderId orderId, Instant time) implements ExecutionReport {
    public Cancelled {
      Objects.requireNonNull(orderId, "orderId");
      Objects.requireNonNull(time, "time");
    }
  }

  /** The order's time in force ran out. */
  record Expired(ClientOrderId orderId, Instant time) implements ExecutionReport {
    public Expired {
      Objects.requireNonNull(orderId, "orderId");
      Objects.requireNonNull(time, "time");
    }
  }
}
