package io.tradecore.web.ledger;

import io.tradecore.core.ledger.LedgerSummary;
import io.tradecore.core.ledger.Position;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A portfolio's ledger at its latest marks, as of one fill sequence number: totals, totals per
 * bot_version, open positions and the marks used. Immutable.
 */
public record LedgerState(
    long fillSeq,
    LedgerSummary summary,
    Map<String, LedgerSummary> byVersion,
    List<Position> positions,
    Map<String, BigDecimal> marks) {

  public LedgerState {
    byVersion = Collections.unmodifiableMap(new TreeMap<>(byVersion));
    positions = List.copyOf(positions);
    marks = Collections.unmodifiableMap(new TreeMap<>(marks));
  }
}
