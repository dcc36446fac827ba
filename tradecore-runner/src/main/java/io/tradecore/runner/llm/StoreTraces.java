package io.tradecore.runner.llm;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import io.tradecore.llm.LlmAnswer;
import io.tradecore.llm.LlmTrace;
import io.tradecore.llm.strategy.TraceSink;
import io.tradecore.runner.notify.Notifications;
import io.tradecore.store.Database;
import io.tradecore.store.Fence;
import io.tradecore.store.LlmTraceRepository;
import io.tradecore.store.TelemetryRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A runner's LLM traces, in the store with the portfolio, run and moment, each write fenced by the
 * runner's lease: a question is marked as sent before the call and replaced by its trace (which
 * books its cost) once answered. A failed call is an error of its trading day and a call the cap
 * stopped a warning ({@code llm-cap}), both in the day's telemetry, which the daily log counts.
 */
public final class StoreTraces implements TraceSink {
  /** Telemetry kind of a failed call. */
  public static final String ERROR_KIND = "llm";

  /** Telemetry kind of a question the spending cap stopped. */
  public static final String CAP_KIND = "llm-cap";

  private final Database db;
  private final Fence fence;
  private final PortfolioId portfolio;
  private final RunId run;
  private final LlmTraceRepository repo = new LlmTraceRepository();
  private final TelemetryRepository telemetry = new TelemetryRepository();
  private final Notifications notifications;
  private final Clock clock;

  public StoreTraces(
      Database db,
      Fence fence,
      PortfolioId portfolio,
      RunId run,
      Notifications notifications,
      Clock clock) {
    this.notifications = notifications;
    this.clock = clock;
    this.db = db;
    this.fence = fence;
    this.portfolio = portfolio;
    this.run = run;
  }

  @Override
  public Optional<Earlier> earlier(Instant moment) {
    List<LlmTraceRepository.Row> rows =
        db.jdbi().withHandle(h -> repo.atMoment(h, portfolio, moment));
    Optional<LlmTraceRepository.Row> traced =
        rows.stream().filter(r -> !r.outcome().equals(LlmTraceRepository.ASKING)).findFirst();
    if (traced.isPresent()) {
      return Optional.of(new Earlier.Traced(traced.get().response()));
    }
    return rows.isEmpty() ? Optional.empty() : Optional.of(new Earlier.Unanswered());
  }

  @Override
  public void asking(LlmTrace trace) {
    db.jdbi()
        .useTransaction(
            h -> {
              fence.check(h);
              repo.markAsking(h, LlmRecords.row(trace));
            });
  }

  @Override
  public void answered(LlmAnswer answer) {
    String level = answer.isError() ? "ERROR" : answer.capReached() ? "WARN" : null;
    store(answer.trace(), level, answer.isError() ? ERROR_KIND : CAP_KIND);
  }

  @Override
  public void lost(LlmTrace trace) {
    store(trace, "ERROR", ERROR_KIND);
  }

  private void store(LlmTrace trace, String level, String kind) {
    db.jdbi()
        .useTransaction(
            h -> {
              fence.check(h);
              repo.complete(h, LlmRecords.row(trace));
              if (level != null) {
                TelemetryRepository.Event event =
                    new TelemetryRepository.Event(
                        portfolio,
                        run,
                        trace.moment(),
                        trace.day().toString(),
                        level,
                        kind,
                        "the model at " + trace.moment() + ": " + trace.reason());
                telemetry.insert(h, event);
                notifications.telemetry(h, List.of(event), clock.instant());
              }
            });
  }
}
