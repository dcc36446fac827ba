package io.tradecore.app.cli;

import io.tradecore.runner.Portfolios;
import io.tradecore.runner.dailylog.DailyLogs;
import io.tradecore.store.DailyLogRepository;
import io.tradecore.store.PortfolioRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** A portfolio's daily logs opened for a {@code log} command: the database, record and logs. */
final class PortfolioLogs implements AutoCloseable {
  private final Workspace ws;
  private final PortfolioRecord record;
  private final DailyLogs logs;

  private PortfolioLogs(Workspace ws, PortfolioRecord record, DailyLogs logs) {
    this.ws = ws;
    this.record = record;
    this.logs = logs;
  }

  /** Opens the initialised database and finds the portfolio, failing without changing anything. */
  static PortfolioLogs open(
      Path configFile, Map<String, String> env, String portfolio, Clock clock) {
    Workspace ws = Workspace.open(configFile, env, true);
    try {
      PortfolioRecord record = new Portfolios(ws.db()).find(portfolio);
      DailyLogs logs =
          new DailyLogs(
              ws.db(),
              record,
              Portfolios.settings(record),
              DailyLogs.textFileFor(ws.config().dataDir(), record.name()),
              clock);
      return new PortfolioLogs(ws, record, logs);
    } catch (RuntimeException e) {
      ws.close();
      throw e;
    }
  }

  PortfolioRecord record() {
    return record;
  }

  DailyLogs logs() {
    return logs;
  }

  Path textFile() {
    return DailyLogs.textFileFor(ws.config().dataDir(), record.name());
  }

  /** The stored log of {@code day}, if it has one. */
  Optional<DailyLogRepository.Row> get(LocalDate day) {
    return ws.db()
        .jdbi()
        .withHandle(h -> new DailyLogRepository().get(h, record.id(), day.toString()));
  }

  @Override
  public void close() {
    ws.close();
  }
}
