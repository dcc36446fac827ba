package io.tradecore.app.output;

import java.math.BigDecimal;
import java.util.Objects;

/** How CSV cells were written before {@link Csv} formatted them itself: the reference. */
final class FormerCsv {
  private FormerCsv() {}

  static String row(Object... cells) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(escape(text(cells[i])));
    }
    return out.append('\n').toString();
  }

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
}
