package io.tradecore.runner.telemetry;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import io.tradecore.store.TelemetryRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The runner's telemetry channel: every event is logged with portfolio_id and run_id in the MDC and
 * kept for the database, tagged with the trading day it belongs to, so warnings and errors can be
 * counted per day. Events are written with the market event they belong to.
 */
public final class Telemetry {
  private static final Logger LOG = LoggerFactory.getLogger("tradecore.runner");
  private final PortfolioId portfolio;
  private final RunId run;
  private final List<TelemetryRepository.Event> pending = new ArrayList<>();

  public Telemetry(PortfolioId portfolio, RunId run) {
    this.portfolio = portfolio;
    this.run = run;
    MDC.put("portfolio_id", portfolio.value());
    MDC.put("run_id", run.value());
  }

  public void info(Instant at, String day, String kind, String message) {
    LOG.info("{}: {}", kind, message);
    add(at, day, "INFO", kind, message);
  }

  public void warn(Instant at, String day, String kind, String message) {
    LOG.warn("{}: {}", kind, message);
    add(at, day, "WARN", kind, message);
  }

  public void error(Instant at, String day, String kind, String message) {
    LOG.error("{}: {}", kind, message);
    add(at, day, "ERROR", kind, message);
  }

  /** Records a signal quietly (counted by the daily log, not logged line by line). */
  public void signal(Instant at, String day, String message) {
    add(at, day, "INFO", "signal", message);
  }

  private void add(Instant at, String day, String level, String kind, String message) {
    pending.add(new TelemetryRepository.Event(portfolio, run, at, day, level, kind, message));
  }

  /** Takes the portfolio and run off this thread's log lines (the run has ended). */
  public void close() {
    MDC.remove("portfolio_id");
    MDC.remove("run_id");
  }

  /** The events since the last drain, to be written with the current transaction. */
  public List<TelemetryRepository.Event> drain() {
    List<TelemetryRepository.Event> out = List.copyOf(pending);
    pending.clear();
    return out;
  }

  /** Takes back drained events whose transaction failed, ahead of any recorded since. */
  public void undrain(List<TelemetryRepository.Event> events) {
    pending.addAll(0, events);
  }

  /** The events recorded and not written yet, oldest first. */
  public List<TelemetryRepository.Event> unwritten() {
    return List.copyOf(pending);
  }
}
