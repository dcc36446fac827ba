package io.tradecore.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Reads and checks query parameters; a bad value is a 400 that names the parameter. */
public final class Params {
  private Params() {}

  /** The parameter's text, or null when it is absent or empty. */
  public static String text(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null || value.isBlank() ? null : value.strip();
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
          name, name + " must be a date as yyyy-mm-dd but was '" + value + "'");
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
      n = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw ApiException.badParameter(
          name, name + " must be a whole number but was '" + value + "'");
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
            + value.toLowerCase(Locale.ROOT)
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
