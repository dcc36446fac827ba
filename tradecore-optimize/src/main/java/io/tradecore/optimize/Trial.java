package io.tradecore.optimize;

import io.tradecore.backtest.Metrics;
import java.util.Comparator;
import java.util.Map;

/**
 * One backtest of a search: its parameters and metrics.
 *
 * @param number the order it was asked for in, from 1 (grid order, draw order, or generation by
 *     generation); ties in the ranking go to the lower number
 * @param params the value of every searched parameter, in the search space's order
 * @param objective the objective's value, null when the data cannot define it
 * @param eligible whether it may be the best: the objective is defined and it closed at least
 *     {@code --min-trades} trades
 */
public record Trial(
    int number, Map<String, String> params, Metrics metrics, Double objective, boolean eligible) {
  public Trial {
    params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
  }

  /** Eligible trials first, best objective first, then in order asked. */
  public static Comparator<Trial> ranking(Objective o) {
    return (a, b) -> {
      if (a.eligible != b.eligible) {
        return a.eligible ? -1 : 1;
      }
      if (a.eligible) {
        int c = Double.compare(score(o, b), score(o, a));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a.number, b.number);
    };
  }

  /** The objective turned so that higher is better; only for eligible trials. */
  static double score(Objective o, Trial t) {
    return o.lowerIsBetter() ? -t.objective : t.objective;
  }
}
