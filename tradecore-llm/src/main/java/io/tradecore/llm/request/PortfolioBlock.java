package io.tradecore.llm.request;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The portfolio as the model sees it, in the base currency: the ledger's aggregates, costs so far
 * and one slice per bot_version. Immutable and thread-safe.
 *
 * @param grossExposure sum of absolute position values at the marks
 * @param netExposure signed sum of position values at the marks
 * @param fees trading fees so far
 * @param otherCosts other costs so far, model spend among them
 */
public record PortfolioBlock(
    BigDecimal equity,
    BigDecimal cash,
    BigDecimal realizedPnl,
    BigDecimal unrealizedPnl,
    BigDecimal totalPnl,
    BigDecimal grossExposure,
    BigDecimal netExposure,
    BigDecimal fees,
    BigDecimal otherCosts,
    List<VersionSlice> versions) {

  public PortfolioBlock {
    for (BigDecimal value :
        new BigDecimal[] {
          equity,
          cash,
          realizedPnl,
          unrealizedPnl,
          totalPnl,
          grossExposure,
          netExposure,
          fees,
          otherCosts
        }) {
      Objects.requireNonNull(value, "portfolio figures must not be null");
    }
    versions = List.copyOf(versions);
  }

  /** The aggregates of the fills and costs of one bot_version. */
  public record VersionSlice(
      String botVersion,
      BigDecimal realizedPnl,
      BigDecimal unrealizedPnl,
      BigDecimal fees,
      BigDecimal otherCosts) {
    public VersionSlice {
      Objects.requireNonNull(botVersion, "botVersion");
      Objects.requireNonNull(realizedPnl, "realizedPnl");
      Objects.requireNonNull(unrealizedPnl, "unrealizedPnl");
      Objects.requireNonNull(fees, "fees");
      Objects.requireNonNull(otherCosts, "otherCosts");
    }
  }
}
