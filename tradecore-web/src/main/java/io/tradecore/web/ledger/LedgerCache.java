package io.tradecore.web.ledger;

import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.ledger.Portfolio;
import io.tradecore.core.ledger.Position;
import io.tradecore.store.Codec;
import io.tradecore.store.EngineStateRepository;
import io.tradecore.store.InstrumentRepository;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.web.query.FillQueries;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/**
 * Each portfolio's ledger rebuilt from its fills with {@link Portfolio} (the fills are the truth,
 * as for the runner) and kept: a later request applies only the fills stored since, then the marks
 * the runner last committed. Safe for concurrent requests; one lock per portfolio.
 */
public final class LedgerCache {
  private final Map<PortfolioId, Entry> entries = new ConcurrentHashMap<>();
  private final FillQueries fills = new FillQueries();
  private final InstrumentRepository instruments = new InstrumentRepository();
  private final EngineStateRepository engineState = new EngineStateRepository();

  /** The portfolio's ledger now. */
  public LedgerState current(Handle h, PortfolioRecord record) {
    Entry entry = entries.computeIfAbsent(record.id(), id -> new Entry(record));
    synchronized (entry) {
      entry.catchUp(h);
      return entry.state(h);
    }
  }

  /** The rebuilt ledger of one portfolio and the last fill it applied. */
  private final class Entry {
    private final PortfolioRecord record;
    private Portfolio portfolio;
    private long lastSeq;

    Entry(PortfolioRecord record) {
      this.record = record;
      reset();
    }

    private void reset() {
      portfolio = new Portfolio(record.id(), record.baseCurrency(), record.startingCash());
      lastSeq = 0;
    }

    void catchUp(Handle h) {
      long stored = fills.maxSeq(h, record.id());
      if (stored == lastSeq) {
        return;
      }
      if (stored < lastSeq) { // fills were removed (a restored database): start again
        reset();
      }
      Map<String, Instrument> known = instruments.all(h);
      for (FillQueries.Sequenced f : fills.fillsAfter(h, record.id(), lastSeq, known)) {
        portfolio.apply(f.fill());
        lastSeq = f.seq();
      }
    }

    LedgerState state(Handle h) {
      engineState
          .load(h, record.id(), null)
          .map(EngineStateRepository.State::marks)
          .filter(m -> m != null && !m.isBlank())
          .ifPresent(
              m ->
                  Codec.readMap(m)
                      .forEach(
                          (symbol, price) ->
                              portfolio.mark(symbol, new BigDecimal(String.valueOf(price)))));
      List<Position> open = new ArrayList<>();
      for (Position p : portfolio.ledger().positions().values()) {
        if (!p.isFlat()) {
          open.add(p);
        }
      }
      open.sort((a, b) -> a.instrument().symbol().compareTo(b.instrument().symbol()));
      return new LedgerState(
          lastSeq,
          portfolio.summary(),
          portfolio.summaryByVersion(),
          open,
          new TreeMap<>(portfolio.marks()));
    }
  }
}
