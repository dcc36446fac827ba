package io.tradecore.insights;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives discovered runs unique names: the path relative to the root; when two roots hold the same
 * relative path, each such run is prefixed with its root's folder name (with the root's index too
 * if root folder names repeat); a root that is itself a run is named by its folder name.
 */
final class RunNames {
  private RunNames() {}

  static List<RunFolder> assign(List<Path> roots, List<RunDiscovery.Found> found) {
    List<String> labels = rootLabels(roots);
    Map<String, Integer> uses = new HashMap<>();
    for (RunDiscovery.Found f : found) {
      uses.merge(base(f, labels), 1, Integer::sum);
    }
    List<RunFolder> out = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (RunDiscovery.Found f : found) {
      String name = base(f, labels);
      if (uses.get(name) > 1) {
        name = labels.get(f.rootIndex()) + "/" + name;
      }
      String unique = name;
      for (int n = 2; !taken.add(unique); n++) {
        unique = name + "~" + n;
      }
      out.add(
          new RunFolder(
              unique,
              roots.get(f.rootIndex()),
              f.dir(),
              f.artifacts(),
              f.trace(),
              f.files(),
              f.problems()));
    }
    out.sort(Comparator.comparing(RunFolder::name));
    return out;
  }

  private static String base(RunDiscovery.Found f, List<String> labels) {
    return f.relative().isEmpty() ? labels.get(f.rootIndex()) : f.relative();
  }

  private static List<String> rootLabels(List<Path> roots) {
    List<String> labels = new ArrayList<>();
    Map<String, Integer> counts = new HashMap<>();
    for (Path r : roots) {
      Path file = r.getFileName();
      String label = file == null ? "root" : file.toString();
      labels.add(label);
      counts.merge(label, 1, Integer::sum);
    }
    for (int i = 0; i < labels.size(); i++) {
      if (counts.get(labels.get(i)) > 1) {
        labels.set(i, i + "-" + labels.get(i));
      }
    }
    return labels;
  }
}
