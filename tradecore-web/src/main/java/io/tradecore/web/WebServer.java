package io.tradecore.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.tradecore.insights.RunCatalog;
import io.tradecore.insights.TraceStore;
import io.tradecore.runner.config.TradeCoreConfig;
import io.tradecore.store.Database;
import io.tradecore.web.api.ActivityApi;
import io.tradecore.web.api.HealthApi;
import io.tradecore.web.api.HistoryApi;
import io.tradecore.web.api.LlmApi;
import io.tradecore.web.api.LogApi;
import io.tradecore.web.api.MarketApi;
import io.tradecore.web.api.PlanApi;
import io.tradecore.web.api.PortfolioApi;
import io.tradecore.web.api.StreamApi;
import io.tradecore.web.insights.InsightsApi;
import io.tradecore.web.insights.InsightsRoutes;
import io.tradecore.web.ledger.LedgerCache;
import io.tradecore.web.live.LiveUpdates;
import io.tradecore.web.metrics.WebMetrics;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TradeCore web server: the REST API under /api, the live stream per portfolio, Prometheus
 * metrics at /metrics and the dashboard's static files at /, all read from the database runners
 * write (in this process or others). Every request passes the Host check ({@link HostCheck}) and
 * the token check ({@link Security}), and every answer carries {@link SecurityHeaders}. Start one
 * with {@link #start}; stop it with {@link #stop}.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  private final Javalin app;
  private final LiveUpdates live;
  private final WebConfig config;
  private final RunCatalog runs;
  private final TraceStore traces;

  private WebServer(
      Javalin app, LiveUpdates live, WebConfig config, RunCatalog runs, TraceStore traces) {
    this.app = app;
    this.live = live;
    this.config = config;
    this.runs = runs;
    this.traces = traces;
  }

  /**
   * Starts serving {@code db} on {@code config}'s address and port (0 picks a free port).
   *
   * @param cfg TradeCore's configuration (the data folder, where notes also update the daily log's
   *     text file)
   * @param clock the time the health endpoint and notes report
   * @throws IllegalStateException when the address is not this machine's loopback and no API token
   *     is configured, the token is too short, or the port cannot be bound; the message says why
   */
  public static WebServer start(WebConfig config, Database db, TradeCoreConfig cfg, Clock clock) {
    return start(config, db, cfg, clock, List.of());
  }

  /**
   * Starts serving {@code db} as {@link #start(WebConfig, Database, TradeCoreConfig, Clock)} does,
   * with Run Insights over the experiment runs under {@code runRoots} (missing folders list no
   * runs), caching CSV traces in {@code <data_dir>/insights-cache}.
   */
  public static WebServer start(
      WebConfig config, Database db, TradeCoreConfig cfg, Clock clock, List<Path> runRoots) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(cfg, "cfg");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(runRoots, "runRoots");
    Security.checkBinding(config);
    checkPortFree(config);
    ObjectMapper json = Json.mapper();
    LedgerCache ledgers = new LedgerCache();
    WebMetrics metrics = new WebMetrics(db);
    LiveUpdates live = new LiveUpdates(db, ledgers, json, clock);
    metrics.gauge("tradecore.stream.subscribers", "Open live streams", live, l -> l.subscribers());
    metrics.counter(
        "tradecore.stream.events", "Events sent on live streams", live, l -> l.eventsSent());
    metrics.counter(
        "tradecore.stream.poll.errors",
        "Failed polls of the database for live updates",
        live,
        l -> l.pollErrors());
    RequestLog requestLog = new RequestLog(metrics);
    Javalin app =
        Javalin.create(c -> configure(c, config, json, requestLog))
            .before(SecurityHeaders::add)
            .before(new HostCheck(config.bind(), cfg.web().allowedHosts())::check)
            .before(new Security(config.apiToken())::check)
            .before(Params::checkEncoding);
    Errors.register(app);
    Routes.register(app, routes(db, cfg, clock, json, ledgers, live), metrics);
    TraceStore traces = TraceStore.inDataDir(cfg.dataDir());
    RunCatalog runs = new RunCatalog(runRoots, traces);
    InsightsRoutes.register(app, new InsightsApi(runs));
    live.start(config.pollInterval(), config.heartbeatInterval());
    try {
      app.start(config.bind(), config.port());
    } catch (RuntimeException e) {
      live.close();
      app.stop();
      runs.close();
      traces.close();
      throw new IllegalStateException(
          "cannot listen on " + config.bind() + ":" + config.port() + ": " + e.getMessage(), e);
    }
    WebServer server = new WebServer(app, live, config, runs, traces);
    LOG.info(
        "serving the TradeCore API and dashboard at {} ({}; CORS {})",
        server.url(),
        config.apiToken() == null ? "no API token: read-only" : "API token required",
        config.allowedOrigin() == null ? "off" : "for " + config.allowedOrigin());
    return server;
  }

  /**
   * Fails with a one-line message when something already listens on the port: found out here,
   * Javalin would log the failure as an error before it throws.
   */
  private static void checkPortFree(WebConfig config) {
    if (config.port() == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(InetAddress.getByName(config.bind()), config.port()));
    } catch (BindException e) {
      throw new IllegalStateException(
          "cannot listen on "
              + config.bind()
              + ":"
              + config.port()
              + ": the port is in use by another program",
          e);
    } catch (IOException e) {
      // Not a port in use: let the server's own start report it.
    }
  }

  private static void configure(
      JavalinConfig c, WebConfig config, ObjectMapper json, RequestLog requestLog) {
    c.showJavalinBanner = false;
    c.startupWatcherEnabled = false;
    c.jsonMapper(new JavalinJackson(json, false));
    c.http.defaultContentType = "application/json";
    c.staticFiles.add(
        s -> {
          s.hostedPath = "/";
          s.directory = "/web";
          s.location = Location.CLASSPATH;
          s.mimeTypes.add("text/html; charset=utf-8", "html"); // Jetty names no charset itself
        });
    c.staticFiles.enableWebjars(); // the dashboard's chart library, at /webjars/chart.js/...
    c.requestLogger.http(requestLog::finished);
    // Requests Jetty refuses before routing (a malformed URI, an overlong request line) get JSON.
    c.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorPages()));
    c.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JsonErrorPages()));
    if (config.allowedOrigin() != null) {
      c.bundledPlugins.enableCors(
          cors -> cors.addRule(rule -> rule.allowHost(config.allowedOrigin())));
    }
  }

  private static Routes.Handlers routes(
      Database db,
      TradeCoreConfig cfg,
      Clock clock,
      ObjectMapper json,
      LedgerCache ledgers,
      LiveUpdates live) {
    PortfolioLookup lookup = new PortfolioLookup(db);
    return new Routes.Handlers(
        new HealthApi(db, clock),
        new PortfolioApi(db, lookup, ledgers, clock, cfg.runner().lease()),
        new ActivityApi(db, lookup, ledgers, json),
        new HistoryApi(db, lookup),
        new LogApi(db, lookup, cfg, clock, json),
        new LlmApi(db, lookup, json),
        new StreamApi(lookup, live),
        new MarketApi(db, lookup),
        new PlanApi(db, lookup, cfg, System.getenv(), clock, json));
  }

  /** The port the server listens on (the one picked when started with port 0). */
  public int port() {
    return app.port();
  }

  /** The server's base URL, e.g. {@code http://127.0.0.1:8080/}. */
  public String url() {
    String host = config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
    return "http://" + host + ":" + port() + "/";
  }

  /** Ends the live streams, stops listening and releases the run readers and trace reader. */
  public void stop() {
    live.close();
    app.stop();
    runs.close();
    traces.close();
  }

  @Override
  public void close() {
    stop();
  }
}
