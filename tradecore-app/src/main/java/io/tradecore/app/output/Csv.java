package io.tradecore.app.output;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** A CSV file being written: a header, then rows of cells, quoted only when a cell needs it. */
final class Csv implements Closeable {
  private final BufferedWriter out;
  private final int columns;

  Csv(Path file, String header) throws IOException {
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    this.columns = header.split(",", -1).length;
    out.write(header);
    out.write('\n');
  }

  void row(Object... cells) throws IOException {
    if (cells.length != columns) {
      throw new IllegalArgumentException(cells.length + " cells for " + columns + " columns");
    }
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(escape(text(cells[i])));
    }
    out.write('\n');
  }

  /** Decimals print plainly and exactly (never 1E+3); null prints as an empty cell. */
  private static String text(Object cell) {
    return cell instanceof BigDecimal d ? d.toPlainString() : Objects.toString(cell, "");
  }

  private static String escape(String cell) {
    if (cell.indexOf(',') < 0
        && cell.indexOf('"') < 0
        && cell.indexOf('\n') < 0
        && cell.indexOf('\r') < 0) {
      return cell;
    }
    return '"' + cell.replace("\"", "\"\"") + '"';
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
