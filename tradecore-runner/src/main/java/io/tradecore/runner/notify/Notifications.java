package io.tradecore.runner.notify;

import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.Side;
import io.tradecore.core.engine.EngineEvent;
import io.tradecore.core.plan.Plan;
import io.tradecore.core.plan.PlanStatus;
import io.tradecore.runner.llm.StoreTraces;
import io.tradecore.store.LeaseRepository;
import io.tradecore.store.OutboxRepository;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.TelemetryRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/**
 * One portfolio's notifications: turns what a transaction commits (a moment's fills, plans,
 * refusals and telemetry; a daily log; a takeover) into outbox rows, one per destination that takes
 * that kind, inside that same transaction. A message is therefore staged exactly when its cause is
 * committed, and never twice: its key names the cause. {@link Dispatcher} sends them.
 */
public final class Notifications {
  /** Telemetry kind of a difference between the ledger and the venue. */
  public static final String DRIFT_KIND = "drift";

  /** Telemetry kind of a runner taking a portfolio over. */
  public static final String TAKEOVER_KIND = "takeover";

  private static final Notifications NONE = new Notifications(null, List.of());

  private final PortfolioRecord portfolio;
  private final List<Destination> destinations;
  private final OutboxRepository outbox = new OutboxRepository();
  private volatile Runnable staged = () -> {};

  private Notifications(PortfolioRecord portfolio, List<Destination> destinations) {
    this.portfolio = portfolio;
    this.destinations = List.copyOf(destinations);
  }

  /** Nothing is staged: the portfolio has no destinations. */
  public static Notifications none() {
    return NONE;
  }

  /**
   * The notifications of {@code portfolio} to {@code destinations}.
   *
   * @throws IllegalArgumentException naming each destination whose secret is not set
   */
  public static Notifications of(PortfolioRecord portfolio, List<Destination> destinations) {
    List<String> missing =
        destinations.stream()
            .flatMap(
                d ->
                    d.missingSecrets().stream()
                        .map(m -> "notifications." + portfolio.name() + "." + d.name() + ": " + m))
            .toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", missing));
    }
    return destinations.isEmpty() ? NONE : new Notifications(portfolio, destinations);
  }

  public List<Destination> destinations() {
    return destinations;
  }

  public boolean isEmpty() {
    return destinations.isEmpty();
  }

  /** Called after each message is staged (the dispatcher, to look sooner). */
  void onStaged(Runnable action) {
    this.staged = action;
  }

  /** Stages what a moment (or a resync) commits: its engine events and its telemetry. */
  public void stage(
      Handle h, List<EngineEvent> events, List<TelemetryRepository.Event> telemetry, Instant now) {
    if (isEmpty()) {
      return;
    }
    for (EngineEvent e : events) {
      switch (e) {
        case EngineEvent.OrderFilled f -> fill(h, f.fill(), now);
        case EngineEvent.PlanChanged p -> plan(h, p, now);
        case EngineEvent.OrderRefused r ->
            stage(
                h,
                MessageKind.REFUSALS,
                "refusal:" + r.order().id() + ":" + r.time().toEpochMilli(),
                "order refused",
                "order "
                    + r.order().id()
                    + " ("
                    + side(r.order().side())
                    + " "
                    + r.order().instrument().symbol()
                    + ") refused by the risk caps: "
                    + r.refusal().message(),
                now);
        default -> {}
      }
    }
    telemetry(h, telemetry, now);
  }

  /** Stages what telemetry written on its own says: errors, drift, the LLM cap, a takeover. */
  public void telemetry(Handle h, List<TelemetryRepository.Event> events, Instant now) {
    if (isEmpty()) {
      return;
    }
    for (TelemetryRepository.Event t : events) {
      MessageKind kind =
          switch (t.kind()) {
            case DRIFT_KIND -> MessageKind.DRIFT;
            case StoreTraces.CAP_KIND -> MessageKind.LLM_CAP;
            case TAKEOVER_KIND -> MessageKind.TAKEOVER;
            default -> "ERROR".equals(t.level()) ? MessageKind.ERRORS : null;
          };
      if (kind != null) {
        String key =
            t.kind()
                + ":"
                + t.time().toEpochMilli()
                + ":"
                + (t.run() == null ? "" : t.run().value())
                + ":"
                + Integer.toHexString(t.message().hashCode());
        String subject =
            switch (kind) {
              case DRIFT -> "ledger and venue differ";
              case LLM_CAP -> "LLM spending cap reached";
              case TAKEOVER -> "runner takeover";
              default -> "error (" + t.kind() + ")";
            };
        stage(h, kind, key, subject, t.message(), now);
      }
    }
  }

  /** Whether any destination takes messages of {@code kind} (on or silent). */
  public boolean sends(MessageKind kind) {
    return destinations.stream().anyMatch(d -> d.delivery(kind) != Delivery.OFF);
  }

  /** Stages the daily log of {@code day}, whose text is {@code text}. */
  public void dailyLog(Handle h, String day, String text, Instant now) {
    stage(h, MessageKind.DAILY_LOG, "daily-log:" + day, "daily log " + day, text, now);
  }

  /** What a takeover says: who took over from whom, and when the old lease lapsed. */
  public static String takeover(
      String runner, String host, long pid, LeaseRepository.Holder previous) {
    return "run "
        + runner
        + " on "
        + host
        + " (pid "
        + pid
        + ") took the portfolio over from run "
        + previous.run()
        + " on "
        + previous.host()
        + " (pid "
        + previous.pid()
        + "), whose lease lapsed at "
        + previous.expiresAt()
        + " (last heartbeat "
        + previous.heartbeatAt()
        + ")";
  }

  private void fill(Handle h, Fill f, Instant now) {
    Instrument i = f.instrument();
    stage(
        h,
        MessageKind.FILLS,
        "fill:" + f.tradeId().value(),
        "fill " + i.symbol(),
        (f.side() == Side.BUY ? "bought " : "sold ")
            + plain(f.quantity().toBigDecimal())
            + " "
            + i.symbol()
            + " at "
            + plain(f.price().toBigDecimal())
            + " "
            + i.currency()
            + " (fee "
            + plain(f.fee())
            + " "
            + i.currency()
            + "; order "
            + f.orderId()
            + ")",
        now);
  }

  private void plan(Handle h, EngineEvent.PlanChanged p, Instant now) {
    Plan before = p.before();
    Plan after = p.after();
    boolean opened =
        after.status() == PlanStatus.ACTIVE
            && (before == null || before.status() != PlanStatus.ACTIVE);
    boolean closed =
        after.status() == PlanStatus.CLOSED
            && (before == null || before.status() != PlanStatus.CLOSED);
    Instrument i = after.instrument();
    if (opened) {
      stage(
          h,
          MessageKind.PLANS_OPENED,
          "plan-opened:" + after.id().value(),
          "plan opened " + i.symbol(),
          "plan "
              + after.id().value()
              + " opened: "
              + (after.side() == Side.BUY ? "long " : "short ")
              + plain(after.filled().toBigDecimal())
              + " "
              + i.symbol()
              + levels(after),
          now);
    } else if (closed) {
      stage(
          h,
          MessageKind.PLANS_CLOSED,
          "plan-closed:" + after.id().value(),
          "plan closed " + i.symbol(),
          "plan "
              + after.id().value()
              + " closed ("
              + (after.exitReason() == null
                  ? p.reason()
                  : after.exitReason().name().toLowerCase(Locale.ROOT).replace('_', ' '))
              + "): "
              + plain(after.exited().toBigDecimal())
              + " "
              + i.symbol()
              + " exited",
          now);
    }
  }

  private static String levels(Plan plan) {
    Instrument i = plan.instrument();
    StringBuilder s = new StringBuilder();
    if (plan.stop() > 0) {
      s.append(", stop ").append(plain(i.price(plan.stop()).toBigDecimal()));
    }
    if (plan.target() > 0) {
      s.append(", target ").append(plain(i.price(plan.target()).toBigDecimal()));
    }
    if (plan.trailDistance() > 0) {
      s.append(", trailing ").append(plain(i.price(plan.trailDistance()).toBigDecimal()));
    }
    return s.toString();
  }

  private void stage(
      Handle h, MessageKind kind, String key, String subject, String body, Instant now) {
    boolean any = false;
    for (Destination d : destinations) {
      Delivery delivery = d.delivery(kind);
      if (delivery == Delivery.OFF) {
        continue;
      }
      any |=
          outbox.stage(
              h,
              new OutboxRepository.Message(
                  portfolio.id(),
                  d.name(),
                  key,
                  kind.key(),
                  delivery == Delivery.SILENT,
                  portfolio.name() + ": " + subject,
                  body),
              now);
    }
    if (any) {
      staged.run();
    }
  }

  private static String side(Side side) {
    return side == Side.BUY ? "buy" : "sell";
  }

  private static String plain(BigDecimal v) {
    return v.stripTrailingZeros().toPlainString();
  }
}
