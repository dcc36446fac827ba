package io.tradecore.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The command line's logging, set up in code (logback finds it through {@code META-INF/services})
 * rather than from an XML file, whose parsing cost every command a good part of its start-up: log
 * lines on stderr carrying the portfolio and run they belong to, the libraries' chatter (Flyway,
 * HikariCP, Javalin, Jetty) at WARN, the rest at TRADECORE_LOG_LEVEL (default INFO). A {@code
 * -Dlogback.configurationFile} or a {@code logback-test.xml} on the class path (tests) still wins.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
  /** Libraries logged at WARN only. */
  static final String[] QUIET = {
    "org.flywaydb", "com.zaxxer.hikari", "io.javalin", "org.eclipse.jetty"
  };

  static final String PATTERN =
      "%d{HH:mm:ss.SSS} %-5level [portfolio=%X{portfolio_id:-} run=%X{run_id:-}] %logger{20} -"
          + " %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null
        || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    for (String quiet : QUIET) {
      context.getLogger(quiet).setLevel(Level.WARN);
    }
    String level = System.getProperty("TRADECORE_LOG_LEVEL", System.getenv("TRADECORE_LOG_LEVEL"));
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(level, Level.INFO));
    root.addAppender(stderr);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
