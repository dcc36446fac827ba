package io.tradecore.marketdata;

/**
 * Text from a file made safe to show in a one-line message: control characters (a line break, an
 * ANSI escape that would recolour or clear a terminal) become {@code ?}, and long text is cut.
 */
public final class Printable {
  /** How much of a file's text a message quotes. */
  static final int SHOWN = 100;

  private Printable() {}

  /** {@code text} with every control character shown as {@code ?}. */
  public static String of(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        if (out == null) {
          out = new StringBuilder(text);
        }
        out.setCharAt(i, '?');
      }
    }
    return out == null ? text : out.toString();
  }

  /** At most the first {@link #SHOWN} characters of {@code text}, then how many were left out. */
  public static String cut(String text) {
    return text.length() <= SHOWN
        ? text
        : text.substring(0, SHOWN) + "... (" + text.length() + " characters)";
  }
}
