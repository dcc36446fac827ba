package io.tradecore.runner.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.tradecore.alpaca.fake.FakeAlpaca;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The Alpaca key id and secret appear in no log line (at DEBUG, through a lost answer, a dropped
 * stream and its reconnect) and in no row of any table, after a plan is entered, protected and
 * closed.
 */
class KeysNeverStoredTest extends AgainstFakeBroker {

  @Test
  void keys_are_in_no_log_line_and_no_database_row() throws Exception {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    // TradeCore's own loggers at DEBUG; the fake's web server (which sees the keys it checks)
    // keeps its level.
    Logger ours = (Logger) LoggerFactory.getLogger("io.tradecore");
    Level before = ours.getLevel();
    ours.setLevel(Level.DEBUG);
    logs.start();
    root.addAppender(logs);
    try {
      fake.faults().loseResponse("POST", "/v2/orders", true);
      startRunner();
      await("the stream up", () -> fake.tradeStream().listeners() == 1);
      fake.tradeStream().dropOnNextFill(true);
      triggerBar();
      await("the OCO pair at the broker", () -> fake.workingOrders().size() == 2);
      await("the stream back", () -> fake.tradeStream().authorizations() >= 2);
      fake.setPrice("AAPL", "191.00");
      await("the plan closed", () -> "CLOSED".equals(planStatus()));
      stopRunner();
    } finally {
      root.detachAppender(logs);
      ours.setLevel(before);
    }

    List<String> lines = new ArrayList<>();
    for (ILoggingEvent e : logs.list) {
      if (!e.getLoggerName().startsWith("io.tradecore")) {
        continue;
      }
      lines.add(e.getFormattedMessage());
      for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
        lines.add(t.getMessage());
      }
    }
    assertThat(lines).as("what TradeCore logged").hasSizeGreaterThan(5);
    assertThat(String.join("\n", lines))
        .doesNotContain(FakeAlpaca.KEY_ID)
        .doesNotContain(FakeAlpaca.SECRET);

    String rows = allRows();
    assertThat(rows).as("the database's rows").contains("plan-1-entry");
    assertThat(rows).doesNotContain(FakeAlpaca.KEY_ID).doesNotContain(FakeAlpaca.SECRET);
  }

  /** Every value of every row of every table, as text. */
  private String allRows() {
    StringBuilder out = new StringBuilder();
    List<String> tables =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT name FROM sqlite_master WHERE type = 'table'")
                        .mapTo(String.class)
                        .list());
    for (String table : tables) {
      List<Map<String, Object>> rows =
          db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM " + table).mapToMap().list());
      rows.forEach(r -> r.values().forEach(v -> out.append(v).append('\n')));
    }
    return out.toString();
  }
}
