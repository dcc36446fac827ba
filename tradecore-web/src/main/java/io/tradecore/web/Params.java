package io.tradecore.web;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads and checks query parameters; a bad value is a 400 that names the parameter. */
public final class Params {
  private Params() {}

  /**
   * The before-handler that refuses a path or query parameter that is not valid percent-encoding
   * (such as {@code %zz}, {@code %u0041} or a lone {@code %}): the framework would otherwise fail
   * on such a path, and drop such a parameter silently, so that a filter would quietly not apply.
   */
  public static void checkEncoding(Context ctx) {
    String path = ctx.path();
    if (path.indexOf('%') >= 0 && decoded(path) == null) {
      throw ApiException.badParameter(
          "path", "the path is not valid percent-encoding (as %41 for A): " + shown(path));
    }
    String query = ctx.queryString();
    if (query == null || query.indexOf('%') < 0) {
      return;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String decodedKey = decoded(key);
      if (decodedKey == null) {
        throw ApiException.badParameter(
            shown(key),
            "the parameter name '" + shown(key) + "' is not valid percent-encoding (as %41 for A)");
      }
      if (eq >= 0 && decoded(pair.substring(eq + 1)) == null) {
        String name = shown(decodedKey);
        throw ApiException.badParameter(
            name, "the value of " + name + " is not valid percent-encoding (as %41 for A)");
      }
    }
  }

  private static String decoded(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The parameter's text, or null when it is absent or empty. */
  public static String text(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static final Pattern ASCII_WHOLE = Pattern.compile("-?[0-9]+");

  /** The longest part of a value an error message repeats. */
  private static final int SHOWN = 100;

  /**
   * {@code value} fit to repeat in a one-line error: control and invisible format characters shown
   * as '?', and cut after 100 characters.
   */
  public static String shown(String value) {
    String cut =
        value.length() > SHOWN
            ? value.substring(0, SHOWN) + "... (" + value.length() + " characters)"
            : value;
    return cut.replaceAll("[\\p{Cntrl}\\p{Cf}]", "?");
  }

  /** An ISO date (yyyy-mm-dd), or null when absent. */
  public static LocalDate day(Context ctx, String name) {
    String value = text(ctx, name);
    return value == null ? null : day(name, value);
  }

  /** Parses an ISO date, or a 400 naming {@code name}. */
  public static LocalDate day(String name, String value) {
    try {
      if (value.length() != 10) {
        throw new DateTimeParseException("not yyyy-mm-dd", value, 0);
      }
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badParameter(
          name, name + " must be a date as yyyy-mm-dd but was '" + shown(value) + "'");
    }
  }

  /** An integer within [min, max], or {@code fallback} when absent. */
  public static int integer(Context ctx, String name, int fallback, int min, int max) {
    String value = text(ctx, name);
    if (value == null) {
      return fallback;
    }
    int n;
    try {
      if (!ASCII_WHOLE.matcher(value).matches()) {
        throw new NumberFormatException(); // Integer.parseInt takes any script's digits
      }
      n = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw ApiException.badParameter(
          name, name + " must be a whole number but was '" + shown(value) + "'");
    }
    if (n < min || n > max) {
      throw ApiException.badParameter(
          name, name + " must be between " + min + " and " + max + " but was " + n);
    }
    return n;
  }

  /** One of {@code allowed} (compared ignoring case, returned as listed), or {@code fallback}. */
  public static String choice(Context ctx, String name, String fallback, List<String> allowed) {
    String value = text(ctx, name);
    if (value == null) {
      return fallback;
    }
    for (String a : allowed) {
      if (a.equalsIgnoreCase(value)) {
        return a;
      }
    }
    throw ApiException.badParameter(
        name,
        name
            + " must be one of "
            + String.join(", ", allowed)
            + " but was '"
            + shown(value.toLowerCase(Locale.ROOT))
            + "'");
  }

  /** Checks that {@code from} is not after {@code to} (either may be null). */
  public static void range(LocalDate from, LocalDate to) {
    if (from != null && to != null && from.isAfter(to)) {
      throw ApiException.badParameter(
          "from", "from (" + from + ") must not be after to (" + to + ")");
    }
  }
}
