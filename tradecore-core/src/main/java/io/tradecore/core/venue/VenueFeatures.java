package io.tradecore.core.venue;

/**
 * What a venue can do, so the engine uses it the right way. Immutable.
 *
 * @param protectiveOrders stops and targets can rest at the venue as orders of their own (bracket
 *     or OCO), so a position stays protected while TradeCore is down
 * @param fractionalQuantities quantities below one share are accepted
 * @param shortSelling a plan may sell first
 */
public record VenueFeatures(
    boolean protectiveOrders, boolean fractionalQuantities, boolean shortSelling) {
  /** A simulated venue: plans are watched by the engine, fractions and shorts are allowed. */
  public static final VenueFeatures SIMULATED = new VenueFeatures(false, true, true);
}
