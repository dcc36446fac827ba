package io.tradecore.web.query;

import io.tradecore.core.domain.PortfolioId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Counts of matching fills, remembered until the portfolio's highest fill sequence number moves:
 * fills are only ever added, so a count stays right until then, and counting 100,000 fills for
 * every page costs more than the page. Keeps the 256 most recent counts; thread-safe.
 */
public final class FillCounts {
  private static final int CAPACITY = 256;
  private final FillQueries fills;
  private final Map<Key, long[]> counts =
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, long[]> eldest) {
          return size() > CAPACITY;
        }
      };

  public FillCounts(FillQueries fills) {
    this.fills = fills;
  }

  private record Key(PortfolioId portfolio, FillQueries.Filter filter) {}

  /** How many fills match {@code f}. */
  public long count(Handle h, PortfolioId p, FillQueries.Filter f) {
    long maxSeq = fills.maxSeq(h, p);
    Key key = new Key(p, f);
    synchronized (counts) {
      long[] known = counts.get(key);
      if (known != null && known[0] == maxSeq) {
        return known[1];
      }
    }
    long n = fills.count(h, p, f);
    synchronized (counts) {
      counts.put(key, new long[] {maxSeq, n});
    }
    return n;
  }
}
