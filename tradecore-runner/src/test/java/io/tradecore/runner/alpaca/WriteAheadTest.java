package io.tradecore.runner.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.Test;

/**
 * Write-ahead: an order reaches the broker only once the moment that made it is committed. When
 * that commit fails for good (here the database refuses to store the plan), the run stops and the
 * broker has received nothing, so no position can exist at the broker that the books do not hold.
 */
class WriteAheadTest extends AgainstFakeBroker {
  @Test
  void an_entry_whose_moment_is_not_committed_never_reaches_the_broker() {
    AtomicBoolean armed = new AtomicBoolean();
    db.jdbi()
        .addCustomizer(
            new StatementCustomizer() {
              @Override
              public void beforeExecution(PreparedStatement statement, StatementContext ctx)
                  throws SQLException {
                String sql = ctx.getRenderedSql();
                if (armed.get() && sql != null && sql.startsWith("INSERT INTO plans")) {
                  throw new SQLException("disk I/O error (injected)", "HY000");
                }
              }
            });
    startRunner();
    armed.set(true);
    triggerBar();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (failure.get() == null && System.nanoTime() - deadline < 0) {
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
    assertThat(failure.get()).as("the run's failure").hasStackTraceContaining("injected");
    assertThat(fake.count("POST", "/v2/orders")).as("order requests at the broker").isZero();
    assertThat(fake.clientOrderIds()).isEmpty();
    failure.set(null); // seen: the runner is closed as usual
  }
}
