package io.tradecore.insights;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The runs under a list of run roots: discovery, summaries, details and action-trace queries.
 *
 * <p>Runs are discovered afresh on every call (a few directory listings), so new runs appear
 * without a restart. A run name is resolved only by looking it up among the discovered runs, never
 * by joining it to a path: {@code ..}, absolute paths and unknown names simply are not found. A
 * run's files are read only as regular files inside its root, up to a size cap (see {@link
 * RunFileAccess}), and each call reads run folders within a time limit (see {@link RunReads}), so
 * nothing outside the roots is read and one bad run folder cannot hold up the others. Thread-safe.
 */
public final class RunCatalog implements AutoCloseable {
  private static final int MAX_NAME = 4096;

  private final List<Path> roots;
  private final TraceStore traces;
  private final boolean ownsTraces;
  private final RunReads reads;
  private final Function<RunFolder, RunSummaries.Read> summaries;

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
    this(roots, traces, ownsTraces, RunReads.DEFAULT_LIMIT, RunSummaries::read);
  }

  /**
   * A catalog reading each run's summary with {@code summaries}, a call's reads limited to {@code
   * limit} (tests slow a run down with it).
   */
  RunCatalog(
      List<Path> roots,
      TraceStore traces,
      Duration limit,
      Function<RunFolder, RunSummaries.Read> summaries) {
    this(roots, traces, false, limit, summaries);
  }

  private RunCatalog(
      List<Path> roots,
      TraceStore traces,
      boolean ownsTraces,
      Duration limit,
      Function<RunFolder, RunSummaries.Read> summaries) {
    List<Path> normalized = new ArrayList<>();
    for (Path r : roots) {
      normalized.add(r.toAbsolutePath().normalize());
    }
    this.roots = List.copyOf(normalized);
    this.traces = traces;
    this.ownsTraces = ownsTraces;
    this.reads = new RunReads(limit);
    this.summaries = summaries;
  }

  public List<Path> roots() {
    return roots;
  }

  public TraceStore traces() {
    return traces;
  }

  /** Every run under the roots, by name; problems are reported on the run, never thrown. */
  public List<RunSummary> list() {
    return reads.each(discover(), summaries, RunSummaries.Read::unread).stream()
        .map(RunSummaries.Read::summary)
        .toList();
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

  /** The file a parameter sweep's run folder holds for the dashboard (tradecore optimize). */
  public static final String SWEEP = "sweep.json";

  /**
   * The run's {@value #SWEEP} as stored: a parameter sweep's trials and out-of-sample equity; empty
   * for an unknown name or a run without one.
   *
   * @throws TraceReadException if the file may not be read or is not JSON
   */
  public Optional<JsonNode> sweep(String name) {
    return get(name)
        .flatMap(
            run -> {
              Path file = run.files().get(SWEEP);
              if (file == null) {
                return Optional.empty();
              }
              JsonFiles.Parsed parsed = JsonFiles.read(run.root(), file);
              if (parsed.problem() != null) {
                throw new TraceReadException(parsed.problem());
              }
              return Optional.of(parsed.node());
            });
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
              return traces.query(trace(run), query);
            });
  }

  /**
   * The real path of the run's trace, checked as {@link RunFileAccess} does (DuckDB then reads
   * exactly that file), within the time limit.
   */
  private Path trace(RunFolder run) {
    Checked checked =
        reads.one(
            run,
            r -> {
              try {
                return new Checked(RunFileAccess.real(r.root(), r.trace()), null);
              } catch (RunFileAccess.Refused e) {
                return new Checked(null, e.getMessage());
              }
            },
            (r, problem) -> new Checked(null, problem));
    if (checked.real() == null) {
      throw new TraceReadException(checked.problem());
    }
    return checked.real();
  }

  /** A run file's real path, or why it may not be read. */
  private record Checked(Path real, String problem) {}

  private RunDetail detail(RunFolder run) {
    RunSummaries.Read read = reads.one(run, summaries, RunSummaries.Read::unread);
    List<String> problems = new ArrayList<>(read.summary().problems());
    TraceInfo trace = null;
    if (run.trace() != null && read.traceLooksReadable()) {
      try {
        trace = traces.info(trace(run));
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

  /** Stops the threads that read run folders and, if the catalog made it, the trace store. */
  @Override
  public void close() {
    reads.close();
    if (ownsTraces) {
      traces.close();
    }
  }
}
