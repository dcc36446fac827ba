package io.tradecore.insights;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks run roots (never following symbolic links, skipping hidden folders, at most {@link
 * #MAX_DEPTH} levels below a root) for folders holding experiment.json, eval_summary.json, an
 * action trace or a model file; a run's subfolders belong to it and are not searched.
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

  /** A run folder before naming: which root, and its path relative to that root. */
  record Found(int rootIndex, Path dir, String relative, List<Artifact> artifacts, Path trace) {}

  private static void walk(int index, Path root, Path dir, int depth, Path skip, List<Found> out) {
    if (dir.equals(skip)) {
      return;
    }
    List<Path> subdirs = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        BasicFileAttributes a =
            Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String name = p.getFileName().toString();
        if (a.isDirectory() && !name.startsWith(".")) {
          subdirs.add(p);
        } else if (a.isRegularFile() && files.size() < MAX_FILES) {
          files.add(p);
        }
      }
    } catch (IOException e) {
      LOG.debug("insights: cannot list {}: {}", dir, e.toString());
      return;
    }
    if (files.stream().anyMatch(f -> RunFiles.marksRun(f.getFileName().toString()))) {
      out.add(found(index, root, dir, files));
      return;
    }
    if (depth < MAX_DEPTH) {
      subdirs.sort(Comparator.naturalOrder());
      for (Path sub : subdirs) {
        walk(index, root, sub, depth + 1, skip, out);
      }
    }
  }

  private static Found found(int index, Path root, Path dir, List<Path> files) {
    files.sort(Comparator.comparing(p -> p.getFileName().toString()));
    List<Artifact> artifacts = new ArrayList<>();
    Map<String, Path> traces = new HashMap<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      long size;
      try {
        size = Files.size(f);
      } catch (IOException e) {
        size = -1;
      }
      String kind = RunFiles.kind(name);
      artifacts.add(new Artifact(name, kind, size));
      if (kind.equals("trace")) {
        traces.putIfAbsent(name.endsWith(".parquet") ? "parquet" : "csv", f);
      }
    }
    Path trace = traces.getOrDefault("parquet", traces.get("csv"));
    StringBuilder relative = new StringBuilder();
    for (Path part : root.relativize(dir)) {
      if (!part.toString().isEmpty()) {
        relative.append(relative.isEmpty() ? "" : "/").append(part);
      }
    }
    return new Found(index, dir, relative.toString(), List.copyOf(artifacts), trace);
  }
}
