package io.tradecore.insights;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runs under a list of run roots: discovery, summaries, details and action-trace queries.
 *
 * <p>Runs are discovered afresh on every call (a few directory listings), so new runs appear
 * without a restart. A run name is resolved only by looking it up among the discovered runs, never
 * by joining it to a path: {@code ..}, absolute paths and unknown names simply are not found, and
 * nothing outside the roots is touched. Thread-safe.
 */
public final class RunCatalog implements AutoCloseable {
  private static final int MAX_NAME = 4096;

  private final List<Path> roots;
  private final TraceStore traces;
  private final boolean ownsTraces;

  /** A catalog over {@code roots} reading traces with {@code traces} (which the caller closes). */
  public RunCatalog(List<Path> roots, TraceStore traces) {
    this(roots, traces, false);
  }

  /**
   * A catalog over {@code roots} with its own trace store caching in {@code
   * <java.io.tmpdir>/tradecore-insights-cache}; closing the catalog closes that store.
   */
  public RunCatalog(List<Path> roots) {
    this(
        roots,
        new TraceStore(Path.of(System.getProperty("java.io.tmpdir"), "tradecore-insights-cache")),
        true);
  }

  private RunCatalog(List<Path> roots, TraceStore traces, boolean ownsTraces) {
    List<Path> normalized = new ArrayList<>();
    for (Path r : roots) {
      normalized.add(r.toAbsolutePath().normalize());
    }
    this.roots = List.copyOf(normalized);
    this.traces = traces;
    this.ownsTraces = ownsTraces;
  }

  public List<Path> roots() {
    return roots;
  }

  public TraceStore traces() {
    return traces;
  }

  /** Every run under the roots, by name; problems are reported on the run, never thrown. */
  public List<RunSummary> list() {
    return discover().stream().map(r -> RunSummaries.read(r).summary()).toList();
  }

  /** The discovered run called {@code name}, or empty (unknown, {@code ..}, absolute, ...). */
  public Optional<RunFolder> get(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
      return Optional.empty();
    }
    return discover().stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /**
   * The run's experiment and eval summary as stored and its trace's columns, row count and env ids
   * (a CSV trace's Parquet cache is built here if missing); empty for an unknown name.
   */
  public Optional<RunDetail> detail(String name) {
    return get(name).map(this::detail);
  }

  /**
   * Runs {@code query} on the run's action trace; empty for an unknown name.
   *
   * @throws TraceQueryException if a metric or the env is not in the trace (HTTP 400)
   * @throws TraceReadException if the run has no trace or it cannot be read
   */
  public Optional<TraceResult> actions(String name, TraceQuery query) {
    return get(name)
        .map(
            run -> {
              if (run.trace() == null) {
                throw new TraceReadException("run " + run.name() + " has no action trace");
              }
              return traces.query(run.trace(), query);
            });
  }

  private RunDetail detail(RunFolder run) {
    RunSummaries.Read read = RunSummaries.read(run);
    List<String> problems = new ArrayList<>(read.summary().problems());
    TraceInfo trace = null;
    if (run.trace() != null && read.traceLooksReadable()) {
      try {
        trace = traces.info(run.trace());
      } catch (TraceReadException e) {
        problems.add(run.trace().getFileName() + ": unreadable trace: " + e.getMessage());
      }
    }
    return new RunDetail(
        run.name(), read.summary(), read.experiment(), read.eval(), trace, List.copyOf(problems));
  }

  private List<RunFolder> discover() {
    List<Path> existing = roots.stream().filter(Files::isDirectory).toList();
    return RunDiscovery.discover(existing, traces.cacheDir());
  }

  @Override
  public void close() {
    if (ownsTraces) {
      traces.close();
    }
  }
}
