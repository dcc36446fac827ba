package io.tradecore.store;

import io.tradecore.core.domain.Bar;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Stored market data (bars), kept for a retention window and pruned after it. */
public final class BarRepository {

  public void insertIfAbsent(Handle h, Iterable<Bar> bars) {
    PreparedBatch batch =
        h.prepareBatch(
            "INSERT INTO bars (symbol, time_ms, open_price, high_price, low_price, close_price,"
                + " volume) VALUES (:symbol, :time, :o, :h, :l, :c, :v) ON CONFLICT (symbol,"
                + " time_ms) DO NOTHING");
    for (Bar b : bars) {
      batch
          .bind("symbol", b.instrument().symbol())
          .bind("time", b.time().toEpochMilli())
          .bind("o", b.open())
          .bind("h", b.high())
          .bind("l", b.low())
          .bind("c", b.close())
          .bind("v", Double.toString(b.volume()))
          .add();
    }
    if (batch.size() > 0) {
      batch.execute();
    }
  }

  /** Deletes bars older than {@code before}; returns how many. */
  public int prune(Handle h, Instant before) {
    return h.createUpdate("DELETE FROM bars WHERE time_ms < :before")
        .bind("before", before.toEpochMilli())
        .execute();
  }

  public long count(Handle h, String symbol) {
    return h.createQuery("SELECT COUNT(*) FROM bars WHERE symbol = :s")
        .bind("s", symbol)
        .mapTo(Long.class)
        .one();
  }
}
