package io.tradecore.insights;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks run roots (never following symbolic links, skipping hidden folders, at most {@link
 * #MAX_DEPTH} levels below a root) for folders holding experiment.json, eval_summary.json, an
 * action trace or a model file; a run's subfolders belong to it and are not searched. A run file
 * that is a link counts only when it leads to a regular file inside the root; one that leads out,
 * or a FIFO, device or socket, is a problem on the run and never read (see {@link RunFileAccess}).
 */
final class RunDiscovery {
  static final int MAX_DEPTH = 4;
  private static final int MAX_FILES = 1_000;
  private static final Logger LOG = LoggerFactory.getLogger(RunDiscovery.class);

  private RunDiscovery() {}

  /** The runs under {@code roots}, named uniquely, sorted by name. */
  static List<RunFolder> discover(List<Path> roots, Path skip) {
    List<Found> found = new ArrayList<>();
    for (int i = 0; i < roots.size(); i++) {
      walk(i, roots.get(i), roots.get(i), 0, skip, found);
    }
    return RunNames.assign(roots, found);
  }

  /**
   * A run folder before naming: which root, its path relative to that root, its readable files by
   * name (links among them as links) and the problems of the run files that may not be read.
   */
  record Found(
      int rootIndex,
      Path dir,
      String relative,
      List<Artifact> artifacts,
      Path trace,
      Map<String, Path> files,
      List<String> problems) {}

  private static void walk(int index, Path root, Path dir, int depth, Path skip, List<Found> out) {
    if (dir.equals(skip)) {
      return;
    }
    List<Path> subdirs = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    List<Path> others = new ArrayList<>(); // links, FIFOs, devices, sockets named as run files
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        BasicFileAttributes a =
            Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String name = p.getFileName().toString();
        if (a.isDirectory()) {
          if (!name.startsWith(".")) {
            subdirs.add(p);
          }
        } else if (a.isRegularFile()) {
          if (files.size() < MAX_FILES) {
            files.add(p);
          }
        } else if (RunFiles.marksRun(name) && others.size() < MAX_FILES) {
          others.add(p);
        }
      }
    } catch (IOException e) {
      LOG.debug("insights: cannot list {}: {}", dir, e.toString());
      return;
    }
    boolean run =
        !others.isEmpty()
            || files.stream().anyMatch(f -> RunFiles.marksRun(f.getFileName().toString()));
    if (run) {
      out.add(found(index, root, dir, files, others));
      return;
    }
    if (depth < MAX_DEPTH) {
      subdirs.sort(Comparator.naturalOrder());
      for (Path sub : subdirs) {
        walk(index, root, sub, depth + 1, skip, out);
      }
    }
  }

  private static Found found(
      int index, Path root, Path dir, List<Path> regular, List<Path> others) {
    Map<String, Path> files = new TreeMap<>();
    regular.forEach(f -> files.put(f.getFileName().toString(), f));
    List<String> problems = new ArrayList<>();
    for (Path o : others) {
      String problem = RunFileAccess.problem(root, o);
      if (problem == null) {
        files.put(o.getFileName().toString(), o); // a link to a regular file inside the root
      } else {
        problems.add(problem);
      }
    }
    List<Artifact> artifacts = new ArrayList<>();
    Map<String, Path> traces = new HashMap<>();
    for (Map.Entry<String, Path> f : files.entrySet()) {
      String name = f.getKey();
      long size;
      try {
        size = Files.size(f.getValue());
      } catch (IOException e) {
        size = -1;
      }
      String kind = RunFiles.kind(name);
      artifacts.add(new Artifact(name, kind, size));
      if (kind.equals("trace")) {
        traces.putIfAbsent(name.endsWith(".parquet") ? "parquet" : "csv", f.getValue());
      }
    }
    Path trace = traces.getOrDefault("parquet", traces.get("csv"));
    StringBuilder relative = new StringBuilder();
    for (Path part : root.relativize(dir)) {
      if (!part.toString().isEmpty()) {
        relative.append(relative.isEmpty() ? "" : "/").append(part);
      }
    }
    return new Found(
        index,
        dir,
        relative.toString(),
        List.copyOf(artifacts),
        trace,
        Collections.unmodifiableMap(files),
        List.copyOf(problems));
  }
}
