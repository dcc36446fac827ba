package io.tradecore.runner;

import java.util.List;

/**
 * What a resync found: fills the exchange had that the ledger lacked (now inserted), orders the
 * exchange had closed (now closed here too), and any drift left between the two books.
 */
public record ResyncReport(int fillsAdded, int ordersClosed, List<String> drift) {
  public ResyncReport {
    drift = List.copyOf(drift);
  }

  public String summary() {
    return fillsAdded
        + " missing fill(s) added, "
        + ordersClosed
        + " order(s) closed as the exchange had them"
        + (drift.isEmpty() ? ", no drift" : ", drift: " + String.join("; ", drift));
  }
}
