package io.tradecore.marketdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Names of bar files as a user gives them: {@code FILE}, {@code FILE@SYMBOL}, or a folder standing
 * for every {@code .csv} and {@code .txt} file in it (by name). Without {@code @SYMBOL} a file's
 * symbol is its name up to the first '-', '_' or '.', in capitals ({@code orcl-1995-2014.txt} is
 * ORCL).
 */
public final class DataFiles {
  /** One file of bars and the symbol its bars are for. */
  public record DataFile(Path path, String symbol) {}

  private DataFiles() {}

  /**
   * Resolves each spec against {@code workingDir}; a file is not opened here (its reader says what
   * is wrong with it).
   *
   * @throws IllegalArgumentException naming the spec when it is empty or a folder holds no bar
   *     files
   */
  public static List<DataFile> expand(List<String> specs, Path workingDir) {
    List<DataFile> out = new ArrayList<>();
    for (String spec : specs) {
      String file = spec.trim();
      String symbol = null;
      int at = file.lastIndexOf('@');
      if (at > 0) {
        symbol = file.substring(at + 1).trim();
        file = file.substring(0, at).trim();
      }
      if (file.isEmpty()) {
        throw new IllegalArgumentException("empty file name in '" + spec + "'");
      }
      Path path = workingDir.resolve(file).normalize();
      if (Files.isDirectory(path)) {
        if (symbol != null) {
          throw new IllegalArgumentException(
              path + " is a folder; @SYMBOL goes with a single file");
        }
        List<Path> files = barFiles(path);
        if (files.isEmpty()) {
          throw new IllegalArgumentException("folder " + path + " has no .csv or .txt files");
        }
        files.forEach(f -> out.add(new DataFile(f, symbolOf(f))));
        continue;
      }
      out.add(new DataFile(path, symbol == null ? symbolOf(path) : symbol));
    }
    return out;
  }

  private static List<Path> barFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.endsWith(".csv") || name.endsWith(".txt");
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot list folder " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The symbol a file name stands for: up to the first '-', '_' or '.', in capitals. */
  public static String symbolOf(Path path) {
    String base = path.getFileName().toString();
    int cut = base.length();
    for (char c : new char[] {'-', '_', '.'}) {
      int i = base.indexOf(c);
      if (i > 0) {
        cut = Math.min(cut, i);
      }
    }
    return base.substring(0, cut).toUpperCase(Locale.ROOT);
  }
}
