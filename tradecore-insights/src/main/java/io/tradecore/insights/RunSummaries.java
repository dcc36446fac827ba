package io.tradecore.insights;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Reads a run folder's JSON files and trace header into its summary, collecting problems. */
final class RunSummaries {
  private RunSummaries() {}

  /** The parsed JSON files of a run, and whether its trace (if any) looked readable. */
  record Read(RunSummary summary, JsonNode experiment, JsonNode eval, boolean traceLooksReadable) {

    /** What is known of {@code run} without reading its files, with {@code problem}. */
    static Read unread(RunFolder run, String problem) {
      List<String> problems = new ArrayList<>(run.problems());
      problems.add(problem);
      RunSummary summary =
          new RunSummary(
              run.name(),
              null,
              null,
              null,
              null,
              ExperimentFields.headline(null),
              run.artifacts(),
              List.copyOf(problems));
      return new Read(summary, null, null, false);
    }
  }

  static Read read(RunFolder run) {
    List<String> problems = new ArrayList<>(run.problems());
    JsonNode experiment = json(run, RunFiles.EXPERIMENT, problems);
    JsonNode eval = json(run, RunFiles.EVAL, problems);
    String traceProblem = run.trace() == null ? null : TraceHeader.problem(run.root(), run.trace());
    if (traceProblem != null) {
      problems.add(traceProblem);
    }
    RunSummary summary =
        new RunSummary(
            run.name(),
            modified(run),
            ExperimentFields.text(experiment, ExperimentFields.ALGORITHM),
            ExperimentFields.text(experiment, ExperimentFields.POLICY),
            ExperimentFields.environments(experiment),
            ExperimentFields.headline(eval),
            run.artifacts(),
            List.copyOf(problems));
    return new Read(summary, experiment, eval, traceProblem == null);
  }

  private static JsonNode json(RunFolder run, String name, List<String> problems) {
    Path file = run.files().get(name);
    if (file == null) {
      return null;
    }
    JsonFiles.Parsed parsed = JsonFiles.read(run.root(), file);
    if (parsed.problem() != null) {
      problems.add(parsed.problem());
    }
    return parsed.node();
  }

  private static String modified(RunFolder run) {
    FileTime latest = null;
    List<Path> paths = new ArrayList<>();
    paths.add(run.dir());
    paths.addAll(run.files().values());
    for (Path p : paths) {
      try {
        FileTime t = Files.getLastModifiedTime(p);
        if (latest == null || t.compareTo(latest) > 0) {
          latest = t;
        }
      } catch (IOException e) {
        // A file removed since discovery: the others still date the run.
      }
    }
    return latest == null ? null : latest.toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
