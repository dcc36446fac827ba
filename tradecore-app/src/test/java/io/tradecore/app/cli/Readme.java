package io.tradecore.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The project's README.md (tests run in the module's folder), to check its examples. */
final class Readme {
  static final Path FILE = Path.of("..", "README.md");

  private Readme() {}

  /**
   * The first fenced code block after the heading {@code heading} (e.g. {@code "### Import fills"})
   * whose first line starts with {@code firstLine}, without its fences.
   */
  static String block(String heading, String firstLine) {
    List<String> lines = lines();
    int at = lines.indexOf(heading);
    if (at < 0) {
      throw new AssertionError(FILE + " has no heading '" + heading + "'");
    }
    for (int i = at + 1; i < lines.size(); i++) {
      if (lines.get(i).startsWith("#")) {
        break;
      }
      if (lines.get(i).startsWith("```") && i + 1 < lines.size()) {
        StringBuilder text = new StringBuilder();
        int j = i + 1;
        for (; j < lines.size() && !lines.get(j).startsWith("```"); j++) {
          text.append(lines.get(j)).append('\n');
        }
        if (lines.get(i + 1).startsWith(firstLine)) {
          return text.toString();
        }
        i = j;
      }
    }
    throw new AssertionError(
        FILE + " has no code block starting with '" + firstLine + "' under '" + heading + "'");
  }

  private static List<String> lines() {
    try {
      return Files.readAllLines(FILE, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
