package io.tradecore.web.ledger;

import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.ledger.Portfolio;
import io.tradecore.core.ledger.Position;
import io.tradecore.store.Codec;
import io.tradecore.store.InstrumentRepository;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.StatsRepository;
import io.tradecore.store.query.FillQueries;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/**
 * Each portfolio's ledger rebuilt from its fills with {@link Portfolio} (the fills are the truth,
 * as for the runner; the first request starts from the stats cache's snapshot when it covers every
 * stored fill) and kept: a later request applies only the fills stored since, then the marks the
 * runner last committed. When neither the highest fill sequence number nor the stored marks moved
 * since the last answer, that answer is returned again without taking the lock (the state is
 * immutable and would be rebuilt identically). Safe for concurrent requests; one lock per
 * portfolio.
 */
public final class LedgerCache {
  private final Map<PortfolioId, Entry> entries = new ConcurrentHashMap<>();
  private final FillQueries fills = new FillQueries();
  private final InstrumentRepository instruments = new InstrumentRepository();
  private final StatsRepository stats = new StatsRepository();

  /** The portfolio's ledger now. */
  public LedgerState current(Handle h, PortfolioRecord record) {
    Entry entry = entries.computeIfAbsent(record.id(), id -> new Entry(record));
    Answer last = entry.last;
    if (last != null
        && fills.maxSeq(h, record.id()) == last.state().fillSeq()
        && Objects.equals(storedMarks(h, record.id()), last.marks())) {
      return last.state();
    }
    synchronized (entry) {
      entry.catchUp(h);
      return entry.state(h);
    }
  }

  /** The marks JSON the runner last committed for the portfolio, or null. */
  private static String storedMarks(Handle h, PortfolioId p) {
    return h.createQuery("SELECT marks FROM engine_state WHERE portfolio_id = :p")
        .bind("p", p.value())
        .mapTo(String.class)
        .findOne()
        .orElse(null);
  }

  /** A state handed out and the stored marks it was built with. */
  private record Answer(LedgerState state, String marks) {}

  /** The rebuilt ledger of one portfolio and the last fill it applied. */
  private final class Entry {
    private final PortfolioRecord record;
    private Portfolio portfolio;
    private long lastSeq;
    private volatile Answer last;

    Entry(PortfolioRecord record) {
      this.record = record;
      reset();
    }

    private void reset() {
      portfolio = new Portfolio(record.id(), record.baseCurrency(), record.startingCash());
      lastSeq = 0;
      last = null;
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
      if (lastSeq == 0) {
        // The first answer starts from the stats cache's snapshot when it covers every stored
        // fill, so it does not grow with the history.
        var snapshot = stats.current(h, record.id());
        if (snapshot.isPresent()) {
          portfolio = snapshot.get().snapshot().restore(record, known);
          lastSeq = snapshot.get().fillSeq();
        }
      }
      for (FillQueries.Sequenced f : fills.fillsAfter(h, record.id(), lastSeq, known)) {
        portfolio.apply(f.fill());
        lastSeq = f.seq();
      }
    }

    LedgerState state(Handle h) {
      String marks = storedMarks(h, record.id());
      if (marks != null && !marks.isBlank()) {
        Codec.readMap(marks)
            .forEach(
                (symbol, price) -> portfolio.mark(symbol, new BigDecimal(String.valueOf(price))));
      }
      List<Position> open = new ArrayList<>();
      for (Position p : portfolio.ledger().positions().values()) {
        if (!p.isFlat()) {
          open.add(p);
        }
      }
      open.sort((a, b) -> a.instrument().symbol().compareTo(b.instrument().symbol()));
      LedgerState state =
          new LedgerState(
              lastSeq,
              portfolio.summary(),
              portfolio.summaryByVersion(),
              open,
              new TreeMap<>(portfolio.marks()));
      last = new Answer(state, marks);
      return state;
    }
  }
}
