package io.tradecore.store;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import java.time.Instant;

/**
 * One start of a runner on a portfolio, as stored; {@code endedAt} is null while it runs. A resync
 * is a run too, of the strategy {@link #RESYNC}, that trades nothing.
 */
public record RunRecord(
    RunId runId,
    PortfolioId portfolioId,
    String botVersion,
    String mode,
    String strategy,
    String params,
    String host,
    long pid,
    Instant startedAt,
    Instant endedAt,
    String endReason) {

  /** The strategy name of a run that only resyncs the portfolio with its exchange. */
  public static final String RESYNC = "resync";

  /**
   * The strategy name of a short run that only applies a trader's plan requests, opened by the
   * {@code plan} command or the API when no runner held the portfolio.
   */
  public static final String MANUAL = "manual";

  /** Whether this run traded: any run but a resync. */
  public boolean trades() {
    return !RESYNC.equals(strategy);
  }
}
