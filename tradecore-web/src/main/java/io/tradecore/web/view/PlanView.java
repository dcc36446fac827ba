package io.tradecore.web.view;

import io.tradecore.core.domain.Instrument;
import io.tradecore.store.query.PlanQueries;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A plan as the API shows it: its levels as prices (null when not set; entry null for a market
 * entry), the effective stop (the tighter of stop and trailing stop), what it has filled and
 * exited, the latest mark and the distance from the mark to the effective stop and to the target as
 * a ratio of the mark (negative below it), and the run that made it.
 */
public record PlanView(
    String planId,
    String symbol,
    String side,
    String status,
    String sizing,
    BigDecimal entry,
    BigDecimal stop,
    BigDecimal target,
    BigDecimal trailDistance,
    BigDecimal trailStop,
    BigDecimal effectiveStop,
    String timeInForce,
    BigDecimal filled,
    BigDecimal exited,
    BigDecimal openQuantity,
    String exitReason,
    BigDecimal mark,
    BigDecimal stopDistance,
    BigDecimal targetDistance,
    String botVersion,
    String runId,
    String created,
    String updated) {

  /** The row with its prices at the instrument's scale ({@code i} null: scale 0) and a mark. */
  public static PlanView of(PlanQueries.Row r, Instrument i, BigDecimal mark) {
    int scale = i == null ? 0 : i.priceScale();
    long effective = effectiveStop(r);
    BigDecimal stopPrice = price(effective, scale);
    BigDecimal targetPrice = price(r.target(), scale);
    return new PlanView(
        r.planId(),
        r.symbol(),
        r.side(),
        r.status(),
        r.sizing(),
        price(r.entryLimit(), scale),
        price(r.stop(), scale),
        targetPrice,
        price(r.trailDistance(), scale),
        price(r.trailStop(), scale),
        stopPrice,
        r.timeInForce(),
        r.filled(),
        r.exited(),
        r.filled().subtract(r.exited()),
        r.exitReason(),
        mark,
        distance(stopPrice, mark),
        distance(targetPrice, mark),
        r.botVersion(),
        r.runId(),
        Times.iso(r.createdMs()),
        Times.iso(r.updatedMs()));
  }

  private static long effectiveStop(PlanQueries.Row r) {
    if (r.trailStop() == 0) {
      return r.stop();
    }
    if (r.stop() == 0) {
      return r.trailStop();
    }
    return "BUY".equals(r.side())
        ? Math.max(r.stop(), r.trailStop())
        : Math.min(r.stop(), r.trailStop());
  }

  private static BigDecimal price(long units, int scale) {
    return units == 0 ? null : BigDecimal.valueOf(units, scale);
  }

  private static BigDecimal distance(BigDecimal level, BigDecimal mark) {
    if (level == null || mark == null || mark.signum() == 0) {
      return null;
    }
    return level.subtract(mark).divide(mark, 6, RoundingMode.HALF_EVEN);
  }
}
