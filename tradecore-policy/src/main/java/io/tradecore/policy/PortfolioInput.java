package io.tradecore.policy;

/**
 * The read-only view of the portfolio a policy observes, in the account currency and instrument
 * units as doubles (observation maths, never ledger maths). The engine's adapter implements it over
 * the live portfolio; {@link PortfolioSnapshot} is a plain value for tests and replays.
 */
public interface PortfolioInput {
  /** Cash plus every position marked at its latest price; must be positive. */
  double equity();

  double cash();

  /** Signed quantity held (negative when short), 0 when flat. */
  double quantity(String instrument);

  /** Average entry price of the position held; ignored when flat. */
  double averageCost(String instrument);

  /** Bars since the position was opened (0 on the bar it was opened); ignored when flat. */
  int barsHeld(String instrument);
}
