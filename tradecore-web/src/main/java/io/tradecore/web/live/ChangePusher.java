package io.tradecore.web.live;

import io.tradecore.core.domain.Instrument;
import io.tradecore.store.DailyLogRepository;
import io.tradecore.store.InstrumentRepository;
import io.tradecore.store.LlmTraceRepository;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.query.ChangeQueries;
import io.tradecore.store.query.FillQueries;
import io.tradecore.store.query.PlanQueries;
import io.tradecore.web.ledger.LedgerCache;
import io.tradecore.web.ledger.LedgerState;
import io.tradecore.web.view.FillView;
import io.tradecore.web.view.LogView;
import io.tradecore.web.view.PlanView;
import io.tradecore.web.view.SummaryView;
import io.tradecore.web.view.Times;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * One poll of one watched portfolio: compares its cursor with the database's and sends what is new,
 * in order: {@code fill}s, {@code plan}s, then {@code equity}, then {@code daily_log}s.
 */
final class ChangePusher {
  /** The most fills sent to a portfolio's subscribers per poll; the rest follow next poll. */
  static final int MAX_FILLS_PER_POLL = 500;

  private final LedgerCache ledgers;
  private final Sender sender;
  private final ChangeQueries changes = new ChangeQueries();
  private final FillQueries fills = new FillQueries();
  private final PlanQueries plans = new PlanQueries();
  private final DailyLogRepository logs = new DailyLogRepository();
  private final InstrumentRepository instruments = new InstrumentRepository();

  ChangePusher(LedgerCache ledgers, Sender sender) {
    this.ledgers = ledgers;
    this.sender = sender;
  }

  /** A watch that starts from the portfolio's state now. */
  Watch watch(Handle h, PortfolioRecord record) {
    return new Watch(record, changes.cursor(h, record.id()), plans.latestChanges(h, record.id()));
  }

  void poll(Handle h, Watch watch) {
    PortfolioRecord record = watch.record;
    ChangeQueries.Cursor before = watch.cursor;
    ChangeQueries.Cursor now = changes.cursor(h, record.id());
    long fillSeq = before.fillSeq();
    if (now.fillSeq() > fillSeq) {
      ZoneId zone = ZoneId.of(record.timeZone());
      for (FillQueries.Row r : fills.after(h, record.id(), fillSeq, MAX_FILLS_PER_POLL)) {
        sender.broadcast(watch, "fill", FillView.of(r, zone), "fill-" + r.seq());
        fillSeq = r.seq();
      }
    } else if (now.fillSeq() < fillSeq) {
      fillSeq = now.fillSeq();
    }
    LedgerState state = null;
    if (before.plansChangedIn(now)) {
      state = ledgers.current(h, record);
      sendPlans(h, watch, state);
    }
    if (before.equityChangedIn(now)) {
      state = state == null ? ledgers.current(h, record) : state;
      Map<String, Object> equity = new LinkedHashMap<>();
      equity.put("time", now.eventMs() > 0 ? Times.iso(now.eventMs()) : null);
      equity.put(
          "summary",
          SummaryView.of(
              null, state.summary(), new LlmTraceRepository().spentTotal(h, record.id())));
      equity.put("marks", state.marks());
      sender.broadcast(watch, "equity", equity, null);
    }
    if (before.logsChangedIn(now)) {
      for (String day : changes.logDaysGeneratedAfter(h, record.id(), before.logGeneratedMs())) {
        logs.get(h, record.id(), day)
            .ifPresent(row -> sender.broadcast(watch, "daily_log", LogView.of(row), "log-" + day));
      }
    }
    watch.cursor =
        new ChangeQueries.Cursor(
            fillSeq,
            now.planChanges(),
            now.planUpdatedMs(),
            now.eventMs(),
            now.statsMs(),
            now.logCount(),
            now.logGeneratedMs());
  }

  private void sendPlans(Handle h, Watch watch, LedgerState state) {
    Map<String, Long> latest = plans.latestChanges(h, watch.record.id());
    List<String> changed = new ArrayList<>();
    latest.forEach(
        (id, seq) -> {
          if (seq > watch.planChanges.getOrDefault(id, 0L)) {
            changed.add(id);
          }
        });
    Map<String, Instrument> known = instruments.all(h);
    for (PlanQueries.Row r : plans.byIds(h, watch.record.id(), changed)) {
      sender.broadcast(
          watch,
          "plan",
          PlanView.of(r, known.get(r.symbol()), state.marks().get(r.symbol())),
          "plan-" + r.planId() + "-" + latest.get(r.planId()));
    }
    watch.planChanges = latest;
  }
}
