package io.tradecore.runner.days;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.engine.Engine;
import io.tradecore.core.engine.PortfolioView;
import io.tradecore.core.ledger.LedgerSummary;
import io.tradecore.core.ledger.Portfolio;
import io.tradecore.core.ledger.Position;
import io.tradecore.core.plan.Plan;
import io.tradecore.store.DayRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Days of a portfolio: notices the rollover to a new trading day, dated in the market's zone
 * (without flattening anything), takes the end-of-day snapshot and writes the portfolio_days row
 * derived from it.
 */
public final class DayBook {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final PortfolioId id;
  private final ZoneId zone;
  private final BigDecimal startingCash;
  private final Portfolio portfolio;
  private final PortfolioView view;
  private boolean dailyData = true;
  private final List<Close> pending = new ArrayList<>();

  /** A day's closing snapshot, with its open positions and plans then. */
  private record Close(DayRepository.Snapshot snapshot, int openPositions, int openPlans) {}

  /** Whether bars were applied since the last snapshot was taken. */
  private boolean snapshotDue;

  private final DayRepository repo = new DayRepository();

  /** What the last committed flush wrote (null: not known yet, read from the store). */
  private Written written;

  /** What the last flush wrote, known for sure once its transaction commits. */
  private Written flushed;

  private LocalDate day;
  private Instant lastTime;

  public DayBook(
      PortfolioId id, ZoneId zone, BigDecimal startingCash, Portfolio portfolio, Engine engine) {
    this.id = id;
    this.zone = zone;
    this.startingCash = startingCash;
    this.portfolio = portfolio;
    this.view = engine.portfolio();
  }

  /** Continues from a stored state: the current day. */
  public void restore(String storedDay) {
    this.day = storedDay == null ? null : LocalDate.parse(storedDay);
  }

  public LocalDate day() {
    return day;
  }

  /**
   * Whether the bars to come may be daily data (a date and no time, at 00:00 UTC); false for an
   * intraday feed, whose bar at 00:00 UTC belongs to its own time in the portfolio's zone.
   */
  public void dataMayBeDaily(boolean daily) {
    this.dailyData = daily;
  }

  /**
   * Called before the engine sees {@code bar}: rolls the day over, taking the closing snapshot of
   * the day it leaves if bars were applied since the last one (a replay commits several moments,
   * and so several days, together).
   */
  public void beforeBar(Bar bar) {
    LocalDate next = TradingDays.dayOf(bar.time(), zone, dailyData);
    if (snapshotDue && day != null && !next.equals(day)) {
      closeDay(day, lastTime);
      snapshotDue = false;
    }
    day = next;
  }

  /**
   * Called after the engine has processed {@code bar}: the day's snapshot is brought up to date
   * when the day rolls over or at the next {@link #flush}, whichever comes first (once, however
   * many bars the moment had), so a day's last snapshot is its close, and a day cut short (the feed
   * ended, the runner stopped) still has one.
   */
  public void afterBar(Bar bar) {
    lastTime = bar.time();
    snapshotDue = true;
  }

  private void closeDay(LocalDate closing, Instant at) {
    LedgerSummary s = portfolio.summary();
    pending.add(
        new Close(
            new DayRepository.Snapshot(
                closing.toString(),
                at,
                s.equity(),
                s.cash(),
                s.realizedPnl(),
                s.fees(),
                s.grossExposure(),
                s.fills(),
                positionsJson(),
                plansJson()),
            portfolio.ledger().positions().size(),
            view.openPlans().size()));
  }

  /**
   * Writes the pending snapshots and their portfolio_days rows in the caller's transaction; they
   * are kept until {@link #committed}, so a transaction tried again writes them again.
   */
  public void flush(Handle h) {
    if (snapshotDue) {
      // One snapshot per commit, after every bar of the moment: the day's latest replaces the
      // earlier ones anyway.
      closeDay(day, lastTime);
      snapshotDue = false;
    }
    List<DayRepository.Snapshot> snapshots = new ArrayList<>();
    List<DayRepository.Day> rows = new ArrayList<>();
    Written known = written;
    for (Close close : pending) {
      DayRepository.Snapshot snap = close.snapshot();
      Optional<DayRepository.Snapshot> previous =
          known == null || known.latest().day().compareTo(snap.day()) > 0
              ? repo.snapshotBefore(h, id, snap.day())
              : Optional.ofNullable(known.before(snap.day()));
      BigDecimal open = previous.map(DayRepository.Snapshot::equity).orElse(startingCash);
      BigDecimal realized =
          previous.map(DayRepository.Snapshot::realizedPnl).orElse(BigDecimal.ZERO);
      BigDecimal fees = previous.map(DayRepository.Snapshot::fees).orElse(BigDecimal.ZERO);
      long fills = previous.map(DayRepository.Snapshot::fillCount).orElse(0L);
      BigDecimal pnl = snap.equity().subtract(open);
      BigDecimal ratio =
          open.signum() == 0 ? BigDecimal.ZERO : pnl.divide(open, 10, RoundingMode.HALF_EVEN);
      snapshots.add(snap);
      rows.add(
          new DayRepository.Day(
              snap.day(),
              open,
              snap.equity(),
              pnl,
              ratio,
              snap.realizedPnl().subtract(realized),
              snap.fees().subtract(fees),
              snap.fillCount() - fills,
              close.openPositions(),
              close.openPlans()));
      known = new Written(snap, previous.orElse(null));
    }
    repo.saveSnapshots(h, id, snapshots);
    repo.saveDays(h, id, rows);
    flushed = known;
  }

  /**
   * The latest snapshot written and the one before its day (null: none), so the next day's row
   * needs no read: a runner's days only go forward.
   */
  private record Written(DayRepository.Snapshot latest, DayRepository.Snapshot earlier) {
    /** The latest snapshot of a day before {@code day}, or null if there is none. */
    DayRepository.Snapshot before(String day) {
      return latest.day().compareTo(day) < 0 ? latest : earlier;
    }
  }

  /** Forgets the snapshots written: their transaction has committed. */
  public void committed() {
    pending.clear();
    written = flushed;
  }

  private String positionsJson() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Position p : portfolio.ledger().positions().values()) {
      BigDecimal mark = portfolio.marks().get(p.instrument().symbol());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("symbol", p.instrument().symbol());
      m.put("quantity", p.quantity().toPlainString());
      m.put("average_cost", p.averageCost().toPlainString());
      m.put("mark", mark == null ? null : mark.toPlainString());
      m.put("unrealized_pnl", mark == null ? null : p.unrealizedPnl(mark).toPlainString());
      out.add(m);
    }
    return write(out);
  }

  private String plansJson() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Plan p : view.openPlans()) {
      Instrument i = p.instrument();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("plan_id", p.id().value());
      m.put("symbol", i.symbol());
      m.put("status", p.status().name());
      m.put("side", p.side().name());
      m.put("stop", p.stop() == 0 ? null : i.price(p.stop()).toString());
      m.put("target", p.target() == 0 ? null : i.price(p.target()).toString());
      m.put("trail_stop", p.trailStop() == 0 ? null : i.price(p.trailStop()).toString());
      m.put("open_quantity", p.openQuantity().toString());
      out.add(m);
    }
    return write(out);
  }

  /**
   * The JSON text Jackson writes for {@code rows} (flat maps of text or null), written directly
   * when every key and text is plain ASCII (no quote, backslash or control character), as symbols,
   * decimals and ids are; by Jackson otherwise. A replay writes one or two of these a day.
   */
  static String write(List<Map<String, Object>> rows) {
    StringBuilder b = new StringBuilder(2 + 160 * rows.size()).append('[');
    for (int i = 0; i < rows.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : rows.get(i).entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        if (!plain(e.getKey())) {
          return jackson(rows);
        }
        b.append('"').append(e.getKey()).append("\":");
        Object v = e.getValue();
        if (v == null) {
          b.append("null");
        } else if (v instanceof String text && plain(text)) {
          b.append('"').append(text).append('"');
        } else {
          return jackson(rows);
        }
      }
      b.append('}');
    }
    return b.append(']').toString();
  }

  private static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  static String jackson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
