package io.tradecore.optimize;

import java.util.Locale;

/** How a search picks the points it backtests. */
public enum Method {
  /** Every point of the grid the strategy takes. */
  GRID,
  /** {@code --trials} distinct points drawn at random (seeded) from the grid. */
  RANDOM,
  /** A genetic search (Jenetics) over the grid's indices, about {@code --trials} backtests. */
  GENETIC;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the methods there are
   */
  public static Method parse(String text) {
    for (Method m : values()) {
      if (m.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "--method must be grid, random or genetic but was '" + text + "'");
  }
}
