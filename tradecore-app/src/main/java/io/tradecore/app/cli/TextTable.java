package io.tradecore.app.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A table of text in aligned columns, indented by two spaces; columns whose cells are all numbers
 * are right-aligned. Absent values print as "-".
 */
final class TextTable {
  private static final Pattern NUMBER = Pattern.compile("-?[0-9][0-9,]*(\\.[0-9]+)?|-");
  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  TextTable(String... header) {
    columns = header.length;
    rows.add(header);
  }

  void row(Object... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException("expected " + columns + " cells");
    }
    String[] text = new String[columns];
    for (int i = 0; i < columns; i++) {
      text[i] = cells[i] == null ? "-" : cells[i].toString();
    }
    rows.add(text);
  }

  /** 1234.5 as "1,234.50"; null as null. */
  static String money(BigDecimal amount) {
    return amount == null ? null : String.format(Locale.US, "%,.2f", amount);
  }

  /** A price with 2 to 4 decimals: 101.5 as "101.50", 12.345678 as "12.3457"; null as null. */
  static String price(BigDecimal price) {
    if (price == null) {
      return null;
    }
    BigDecimal p = price.stripTrailingZeros();
    int scale = Math.min(4, Math.max(2, p.scale()));
    return p.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** A plain decimal from a string such as the status maps hold; null stays null. */
  static BigDecimal decimal(Object value) {
    return value == null ? null : new BigDecimal(value.toString());
  }

  @Override
  public String toString() {
    int[] width = new int[columns];
    boolean[] numeric = new boolean[columns];
    for (int c = 0; c < columns; c++) {
      numeric[c] = rows.size() > 1;
      for (int r = 0; r < rows.size(); r++) {
        width[c] = Math.max(width[c], rows.get(r)[c].length());
        if (r > 0 && !NUMBER.matcher(rows.get(r)[c]).matches()) {
          numeric[c] = false;
        }
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int c = 0; c < columns; c++) {
        String cell = row[c];
        String pad = " ".repeat(width[c] - cell.length());
        line.append(numeric[c] ? pad + cell : cell + pad);
        if (c < columns - 1) {
          line.append("  ");
        }
      }
      out.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }
    return out.toString();
  }
}
