package io.tradecore.store;

import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.ledger.Ledger;
import io.tradecore.core.ledger.Portfolio;
import io.tradecore.core.ledger.Position;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * The portfolio stats cache: the ledger's totals as last committed, with a snapshot of the whole
 * portfolio (each bot version's ledger, the marks), so a runner, {@code status} or the dashboard
 * starts from it instead of rebuilding from every fill, as long as it still covers exactly the
 * stored fills (their count and last number match); otherwise they rebuild and check it.
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

    /** The ledger these totals describe, starting from {@code startingCash}. */
    Ledger ledger(BigDecimal startingCash, Map<String, Instrument> instruments) {
      List<Position> open = new ArrayList<>();
      positions.forEach(
          (symbol, value) -> {
            String[] qc = value.split("/");
            Instrument i = instruments.get(symbol);
            if (i == null) {
              throw new StoreException(
                  "the stats cache holds a position in " + symbol + ", an unknown instrument");
            }
            open.add(new Position(i, new BigDecimal(qc[0]), new BigDecimal(qc[1])));
          });
      return Ledger.restore(startingCash, cash, realizedPnl, fees, fillCount, open);
    }

    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("cash", cash.toPlainString());
      m.put("realized_pnl", realizedPnl.toPlainString());
      m.put("fees", fees.toPlainString());
      m.put("fill_count", fillCount);
      m.put("positions", positions);
      return m;
    }

    @SuppressWarnings("unchecked")
    static Stats fromJson(Map<String, Object> m) {
      return new Stats(
          new BigDecimal((String) m.get("cash")),
          new BigDecimal((String) m.get("realized_pnl")),
          new BigDecimal((String) m.get("fees")),
          ((Number) m.get("fill_count")).longValue(),
          StatsRepository.positions((Map<String, Object>) m.get("positions")));
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

  /**
   * A portfolio's whole ledger state: its totals, each bot version's, and its marks (prices as
   * plain decimals).
   */
  public record Snapshot(Stats total, Map<String, Stats> versions, Map<String, String> marks) {
    public static Snapshot of(Portfolio p) {
      Map<String, Stats> versions = new LinkedHashMap<>();
      p.versionLedgers().forEach((v, l) -> versions.put(v, Stats.of(l)));
      Map<String, String> marks = new TreeMap<>();
      p.marks().forEach((symbol, price) -> marks.put(symbol, price.toPlainString()));
      return new Snapshot(Stats.of(p.ledger()), versions, marks);
    }

    /** The portfolio in this state, equal to one rebuilt from the fills it covers. */
    public Portfolio restore(PortfolioRecord record, Map<String, Instrument> instruments) {
      Map<String, Ledger> ledgers = new LinkedHashMap<>();
      versions.forEach((v, s) -> ledgers.put(v, s.ledger(BigDecimal.ZERO, instruments)));
      Map<String, BigDecimal> prices = new LinkedHashMap<>();
      marks.forEach((symbol, price) -> prices.put(symbol, new BigDecimal(price)));
      return Portfolio.restore(
          record.id(),
          record.baseCurrency(),
          total.ledger(record.startingCash(), instruments),
          ledgers,
          prices);
    }
  }

  /** Saves the totals and the snapshot, with the number of the last fill stored so far. */
  public void save(Handle h, PortfolioId p, Snapshot s, Instant at) {
    Stats t = s.total();
    Map<String, Object> json = new LinkedHashMap<>();
    Map<String, Object> versions = new LinkedHashMap<>();
    s.versions().forEach((v, stats) -> versions.put(v, stats.toJson()));
    json.put("versions", versions);
    json.put("marks", s.marks());
    h.createUpdate(
            "INSERT INTO portfolio_stats (portfolio_id, cash, realized_pnl, fees, fill_count,"
                + " positions, updated_ms, snapshot, fill_seq) VALUES (:p, :cash, :realized, :fees,"
                + " :fills, :positions, :at, :snapshot, (SELECT COALESCE(MAX(seq), 0) FROM fills"
                + " WHERE portfolio_id = :p)) ON CONFLICT (portfolio_id) DO UPDATE SET cash ="
                + " excluded.cash, realized_pnl = excluded.realized_pnl, fees = excluded.fees,"
                + " fill_count = excluded.fill_count, positions = excluded.positions, updated_ms ="
                + " excluded.updated_ms, snapshot = excluded.snapshot, fill_seq ="
                + " excluded.fill_seq")
        .bind("p", p.value())
        .bind("cash", t.cash().toPlainString())
        .bind("realized", t.realizedPnl().toPlainString())
        .bind("fees", t.fees().toPlainString())
        .bind("fills", t.fillCount())
        .bind("positions", Codec.write(t.positions()))
        .bind("at", at.toEpochMilli())
        .bind("snapshot", Codec.write(json))
        .execute();
  }

  /** A snapshot and the number of the last fill it includes. */
  public record Current(Snapshot snapshot, long fillSeq) {}

  /**
   * The snapshot, if it covers exactly the stored fills: the last fill's number is the snapshot's
   * (one index lookup, not a read of the fills; fills are numbered in the order they are stored and
   * never deleted). Empty when there is none, it predates snapshots, or fills were stored without
   * it (they are the truth: rebuild).
   */
  @SuppressWarnings("unchecked")
  public Optional<Current> current(Handle h, PortfolioId p) {
    return h.createQuery(
            "SELECT s.cash, s.realized_pnl, s.fees, s.fill_count, s.positions, s.snapshot,"
                + " s.fill_seq FROM portfolio_stats s WHERE s.portfolio_id = :p"
                + " AND s.snapshot IS NOT NULL"
                + " AND s.fill_seq = (SELECT COALESCE(MAX(seq), 0) FROM fills WHERE portfolio_id"
                + " = :p)")
        .bind("p", p.value())
        .map(
            (rs, ctx) -> {
              Stats total =
                  new Stats(
                      new BigDecimal(rs.getString("cash")),
                      new BigDecimal(rs.getString("realized_pnl")),
                      new BigDecimal(rs.getString("fees")),
                      rs.getLong("fill_count"),
                      positions(Codec.readMap(rs.getString("positions"))));
              Map<String, Object> json = Codec.readMap(rs.getString("snapshot"));
              Map<String, Stats> versions = new LinkedHashMap<>();
              ((Map<String, Object>) json.get("versions"))
                  .forEach((v, o) -> versions.put(v, Stats.fromJson((Map<String, Object>) o)));
              Map<String, String> marks = new LinkedHashMap<>();
              ((Map<String, Object>) json.get("marks"))
                  .forEach((symbol, price) -> marks.put(symbol, String.valueOf(price)));
              return new Current(new Snapshot(total, versions, marks), rs.getLong("fill_seq"));
            })
        .findOne();
  }

  private static Map<String, String> positions(Map<String, Object> json) {
    Map<String, String> out = new LinkedHashMap<>();
    json.forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
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
