package io.tradecore.app.cli;

import io.tradecore.runner.config.ConfigException;
import io.tradecore.runner.config.TradeCoreConfig;
import io.tradecore.store.Database;
import io.tradecore.web.WebConfig;
import io.tradecore.web.WebServer;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** Starts the web server beside another command and keeps it up until the process is stopped. */
final class Serving {
  /** How many ports the demo tries, from the one asked for upwards, when that one is taken. */
  static final int DEMO_PORT_TRIES = 10;

  private Serving() {}

  /**
   * Starts the server on {@code config}'s port or, when that port is taken, on the first free one
   * of the next {@code tries - 1}; port 0 (any free port) is tried once.
   *
   * @throws IllegalStateException when no port could be bound, or the server refuses the
   *     configuration (see {@link WebServer#start})
   */
  static WebServer startNear(
      WebConfig config,
      int tries,
      Database db,
      TradeCoreConfig cfg,
      Clock clock,
      List<Path> runRoots) {
    int attempts = config.port() == 0 ? 1 : Math.max(1, Math.min(tries, 65_536 - config.port()));
    for (int i = 0; ; i++) {
      try {
        return WebServer.start(config.withPort(config.port() + i), db, cfg, clock, runRoots);
      } catch (IllegalStateException e) {
        if (!portTaken(e) || i + 1 >= attempts) {
          if (portTaken(e) && attempts > 1) {
            throw new IllegalStateException(
                "ports "
                    + config.port()
                    + " to "
                    + (config.port() + attempts - 1)
                    + " on "
                    + config.bind()
                    + " are all taken; choose another with --port",
                e);
          }
          throw e;
        }
      }
    }
  }

  /**
   * The run roots of Run Insights: {@code given} (already checked), then the configured {@code
   * insights.roots}, then {@code <data_dir>/runs} if it exists, then the run folders of backtests
   * written with {@code --out} ({@link BacktestRuns}); each folder once, as an absolute path.
   *
   * @throws ConfigException when a configured root is not a folder
   */
  static List<Path> runRoots(List<Path> given, TradeCoreConfig cfg) {
    Set<Path> roots = new LinkedHashSet<>();
    for (Path p : given) {
      roots.add(p.toAbsolutePath().normalize());
    }
    for (Path p : cfg.insights().roots()) {
      if (!Files.isDirectory(p)) {
        throw new ConfigException("insights.roots: " + p + " is not a folder");
      }
      roots.add(p.toAbsolutePath().normalize());
    }
    Path backtests = cfg.dataDir().resolve("runs").toAbsolutePath().normalize();
    if (Files.isDirectory(backtests)) {
      roots.add(backtests);
    }
    try {
      roots.addAll(BacktestRuns.registered(cfg.dataDir()));
    } catch (IOException e) {
      throw new ConfigException(
          "cannot read " + cfg.dataDir().resolve(BacktestRuns.FILE) + ": " + e.getMessage());
    }
    return List.copyOf(roots);
  }

  /** Whether a start failed because something else listens on the port. */
  static boolean portTaken(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Blocks until the process is asked to stop (Ctrl-C or SIGTERM), then stops the server; the
   * shutdown hook does the stopping, so the server is stopped even while this thread is busy.
   */
  static void untilStopped(WebServer server) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop();
                  stopped.countDown();
                },
                "tradecore-serve-stop"));
    stopped.await();
  }
}
