package io.tradecore.web.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tradecore.store.Database;
import io.tradecore.store.query.MetricsQueries;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's Prometheus metrics: every HTTP request timed by method, route and status, and per
 * portfolio the fills, market events applied, errors and warnings its runners stored (counters read
 * from the database, refreshed when scraped, at most once a second) and its open plans.
 */
public final class WebMetrics {
  private static final Logger LOG = LoggerFactory.getLogger(WebMetrics.class);
  private static final long REFRESH_NANOS = 1_000_000_000L;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Database db;
  private final MetricsQueries queries = new MetricsQueries();
  private final Map<String, AtomicReference<MetricsQueries.Counts>> portfolios =
      new ConcurrentHashMap<>();
  private final AtomicReference<Double> refreshErrors = new AtomicReference<>(0.0);
  private long refreshedNanos;
  private boolean refreshedOnce;

  public WebMetrics(Database db) {
    this.db = db;
    FunctionCounter.builder("tradecore.metrics.refresh.errors", refreshErrors, AtomicReference::get)
        .description("Failed reads of the per-portfolio counts from the database")
        .register(registry);
  }

  /** Records one finished request. */
  public void request(String method, String route, int status, long nanos) {
    Timer.builder("http.server.requests")
        .description("HTTP requests served, by method, route and status")
        .tags("method", method, "route", route, "status", Integer.toString(status))
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Registers a gauge read when scraped, e.g. the number of stream subscribers. */
  public <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
    Gauge.builder(name, source, value).description(description).register(registry);
  }

  /** Registers a counter read when scraped, e.g. events sent on the streams. */
  public <T> void counter(String name, String description, T source, ToDoubleFunction<T> value) {
    FunctionCounter.builder(name, source, value).description(description).register(registry);
  }

  /** The metrics in Prometheus' text format, with the database counts refreshed. */
  public synchronized String scrape() {
    long now = System.nanoTime();
    if (!refreshedOnce || now - refreshedNanos > REFRESH_NANOS) {
      refresh();
      refreshedNanos = now;
      refreshedOnce = true;
    }
    return registry.scrape();
  }

  private void refresh() {
    try {
      for (MetricsQueries.Counts c : db.jdbi().withHandle(queries::counts)) {
        AtomicReference<MetricsQueries.Counts> holder = portfolios.get(c.portfolioId());
        if (holder == null) {
          holder = new AtomicReference<>(c);
          portfolios.put(c.portfolioId(), holder);
          register(holder, Tags.of("portfolio", c.name(), "portfolio_id", c.portfolioId()));
        } else {
          holder.set(c);
        }
      }
    } catch (RuntimeException e) {
      refreshErrors.updateAndGet(n -> n + 1);
      LOG.warn("metrics: could not read the portfolio counts: {}", e.toString());
    }
  }

  private void register(AtomicReference<MetricsQueries.Counts> holder, Tags tags) {
    FunctionCounter.builder("tradecore.fills", holder, h -> h.get().fills())
        .description("Fills stored for the portfolio")
        .tags(tags)
        .register(registry);
    FunctionCounter.builder("tradecore.runner.events.applied", holder, h -> h.get().eventsApplied())
        .description("Market events the portfolio's runners committed, over all feeds")
        .tags(tags)
        .register(registry);
    FunctionCounter.builder("tradecore.runner.errors", holder, h -> h.get().errors())
        .description("Telemetry events of level ERROR stored for the portfolio")
        .tags(tags)
        .register(registry);
    FunctionCounter.builder("tradecore.runner.warnings", holder, h -> h.get().warnings())
        .description("Telemetry events of level WARN stored for the portfolio")
        .tags(tags)
        .register(registry);
    Gauge.builder("tradecore.plans.open", holder, h -> h.get().openPlans())
        .description("PENDING and ACTIVE plans of the portfolio")
        .tags(tags)
        .register(registry);
    Gauge.builder("tradecore.runs", holder, h -> h.get().runs())
        .description("Runner starts recorded for the portfolio")
        .tags(tags)
        .register(registry);
  }
}
