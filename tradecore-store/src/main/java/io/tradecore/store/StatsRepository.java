package io.tradecore.store;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.ledger.Ledger;
import io.tradecore.core.ledger.Position;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The portfolio stats cache: the ledger's totals as last committed, so a restart can check a
 * rebuild from fills against it (and a reader can show them without a rebuild).
 */
public final class StatsRepository {

  /** The cached totals; positions map symbol to "quantity/cost basis". */
  public record Stats(
      BigDecimal cash,
      BigDecimal realizedPnl,
      BigDecimal fees,
      long fillCount,
      Map<String, String> positions) {

    public static Stats of(Ledger ledger) {
      Map<String, String> positions = new LinkedHashMap<>();
      for (Position p : ledger.positions().values()) {
        positions.put(
            p.instrument().symbol(),
            p.quantity().toPlainString() + "/" + p.costBasis().toPlainString());
      }
      return new Stats(
          ledger.cash(), ledger.realizedPnl(), ledger.fees(), ledger.fillCount(), positions);
    }

    /** Equal numbers, whatever the decimal scales. */
    public boolean sameAs(Stats o) {
      if (cash.compareTo(o.cash) != 0
          || realizedPnl.compareTo(o.realizedPnl) != 0
          || fees.compareTo(o.fees) != 0
          || fillCount != o.fillCount
          || !positions.keySet().equals(o.positions.keySet())) {
        return false;
      }
      for (var e : positions.entrySet()) {
        String[] a = e.getValue().split("/");
        String[] b = o.positions.get(e.getKey()).split("/");
        if (new BigDecimal(a[0]).compareTo(new BigDecimal(b[0])) != 0
            || new BigDecimal(a[1]).compareTo(new BigDecimal(b[1])) != 0) {
          return false;
        }
      }
      return true;
    }
  }

  public void save(Handle h, PortfolioId p, Stats s, Instant at) {
    h.createUpdate(
            "INSERT INTO portfolio_stats (portfolio_id, cash, realized_pnl, fees, fill_count,"
                + " positions, updated_ms) VALUES (:p, :cash, :realized, :fees, :fills, :positions,"
                + " :at) ON CONFLICT (portfolio_id) DO UPDATE SET cash = excluded.cash,"
                + " realized_pnl = excluded.realized_pnl, fees = excluded.fees, fill_count ="
                + " excluded.fill_count, positions = excluded.positions, updated_ms ="
                + " excluded.updated_ms")
        .bind("p", p.value())
        .bind("cash", s.cash().toPlainString())
        .bind("realized", s.realizedPnl().toPlainString())
        .bind("fees", s.fees().toPlainString())
        .bind("fills", s.fillCount())
        .bind("positions", Codec.write(s.positions()))
        .bind("at", at.toEpochMilli())
        .execute();
  }

  public Optional<Stats> load(Handle h, PortfolioId p) {
    return h.createQuery("SELECT * FROM portfolio_stats WHERE portfolio_id = :p")
        .bind("p", p.value())
        .map(
            (rs, ctx) -> {
              Map<String, String> positions = new LinkedHashMap<>();
              Codec.readMap(rs.getString("positions"))
                  .forEach((k, v) -> positions.put(k, String.valueOf(v)));
              return new Stats(
                  new BigDecimal(rs.getString("cash")),
                  new BigDecimal(rs.getString("realized_pnl")),
                  new BigDecimal(rs.getString("fees")),
                  rs.getLong("fill_count"),
                  positions);
            })
        .findOne();
  }
}
