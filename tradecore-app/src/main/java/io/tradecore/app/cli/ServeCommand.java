package io.tradecore.app.cli;

import io.tradecore.web.WebConfig;
import io.tradecore.web.WebServer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tradecore serve}: the REST API and the dashboard over the database runners write. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the REST API and the dashboard until stopped (Ctrl-C).",
      "Binds 127.0.0.1 unless told otherwise; another address needs TRADECORE_API_TOKEN."
    })
public final class ServeCommand implements Callable<Integer> {
  private final Clock clock;
  private final Map<String, String> env;

  @Spec CommandSpec spec;

  @Mixin ConfigOption config;

  @Option(names = "--port", defaultValue = "8080", description = "Port (default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String bind;

  @Option(
      names = "--runs-dir",
      paramLabel = "DIR",
      description = {
        "A folder of experiment runs for Run Insights (repeatable); the configured",
        "insights.roots and the backtest runs under <data_dir>/runs are included too."
      })
  List<Path> runsDirs = new ArrayList<>();

  public ServeCommand(Clock clock, Map<String, String> env) {
    this.clock = clock;
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    try (Workspace ws = Workspace.open(config.file(), env, true)) {
      List<Path> roots = runRoots(ws);
      WebServer server =
          WebServer.start(WebConfig.of(bind, port, env), ws.db(), ws.config(), clock, roots);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    server.stop();
                    stopped.countDown();
                  },
                  "tradecore-serve-stop"));
      PrintWriter out = spec.commandLine().getOut();
      out.println("TradeCore dashboard and API at " + server.url() + " (Ctrl-C to stop)");
      for (Path root : roots) {
        out.println("Run Insights: runs under " + root);
      }
      out.flush();
      stopped.await();
      return 0;
    }
  }

  /** The --runs-dir folders, then those of the configuration. */
  private List<Path> runRoots(Workspace ws) {
    for (Path p : runsDirs) {
      if (!Files.isDirectory(p)) {
        throw new ParameterException(spec.commandLine(), "--runs-dir " + p + " is not a folder");
      }
    }
    return Serving.runRoots(runsDirs, ws.config());
  }
}
