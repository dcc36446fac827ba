package io.tradecore.web.view;

import io.tradecore.store.RunRecord;

/** One start of a runner on the portfolio; {@code ended} is null while it runs (or if it died). */
public record RunView(
    String runId,
    String botVersion,
    String mode,
    String strategy,
    String params,
    String host,
    long pid,
    String started,
    String ended,
    String endReason) {

  public static RunView of(RunRecord r) {
    return new RunView(
        r.runId().value(),
        r.botVersion(),
        r.mode(),
        r.strategy(),
        r.params(),
        r.host(),
        r.pid(),
        Times.iso(r.startedAt()),
        Times.iso(r.endedAt()),
        r.endReason());
  }
}
