package io.tradecore.app.cli;

import io.tradecore.store.RunRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A run (one start of a runner) as one line of text or as a JSON object. */
final class RunView {
  private RunView() {}

  /** "run-1-ab (bot_version 0.1.0, breakout), started ..., ended ... (feed ended)", or "none". */
  static String line(RunRecord r) {
    if (r == null) {
      return "none";
    }
    return r.runId().value()
        + " (bot_version "
        + r.botVersion()
        + (r.strategy() == null ? "" : ", " + r.strategy())
        + "), started "
        + r.startedAt()
        + (r.endedAt() == null
            ? ", still running (or killed) on " + r.host() + " pid " + r.pid()
            : ", ended " + r.endedAt() + " (" + r.endReason() + ")");
  }

  static Map<String, Object> json(RunRecord r) {
    if (r == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", r.runId().value());
    m.put("bot_version", r.botVersion());
    m.put("mode", r.mode());
    m.put("strategy", r.strategy());
    m.put("params", r.params());
    m.put("host", r.host());
    m.put("pid", r.pid());
    m.put("started_at", time(r.startedAt()));
    m.put("ended_at", time(r.endedAt()));
    m.put("end_reason", r.endReason());
    return m;
  }

  static String time(Instant t) {
    return t == null ? null : t.toString();
  }
}
