package io.tradecore.bench.durable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs of a harness's command line, and its temporary directory. */
public final class Args {
  private Args() {}

  public static Map<String, String> parse(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      out.put(args[i].substring(2), args[++i]);
    }
    return out;
  }

  /** Deletes a harness's temporary directory, unless {@code --keep true} asked to keep it. */
  public static void cleanUp(Map<String, String> args, Path dir) throws IOException {
    if (Boolean.parseBoolean(args.getOrDefault("keep", "false"))) {
      System.out.println("kept " + dir);
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
