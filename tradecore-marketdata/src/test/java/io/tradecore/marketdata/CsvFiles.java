package io.tradecore.marketdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small CSV files for the reader tests. */
final class CsvFiles {
  static final String YAHOO_HEADER = "Date,Open,High,Low,Close,Adj Close,Volume";

  private CsvFiles() {}

  static Path write(Path dir, String name, String... lines) {
    try {
      return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
