package io.tradecore.runner.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Parsers and checks for single configuration values; each failure is an {@link
 * IllegalArgumentException} whose message quotes the value and says what is allowed.
 */
final class Values {
  static final List<String> CALENDARS = List.of("CRYPTO_24_7", "NYSE", "ASX");
  static final List<String> DATABASE_PREFIXES = List.of("jdbc:sqlite:", "jdbc:postgresql:");

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3,5}");

  private Values() {}

  static IllegalArgumentException bad(String text, String problem) {
    return new IllegalArgumentException("'" + text + "' " + problem);
  }

  static Function<String, Integer> wholeNumber(int min, int max) {
    return text -> {
      BigInteger value;
      try {
        value = new BigInteger(text.strip());
      } catch (NumberFormatException e) {
        throw bad(text, "is not a whole number");
      }
      checkRange(
          value.compareTo(BigInteger.valueOf(min)),
          value.compareTo(BigInteger.valueOf(max)),
          text,
          min,
          max);
      return value.intValue();
    };
  }

  static void checkRange(int value, int min, int max) {
    checkRange(
        Integer.compare(value, min),
        Integer.compare(value, max),
        Integer.toString(value),
        min,
        max);
  }

  /** Fails unless {@code toMin >= 0} and {@code toMax <= 0} (the value compared with each end). */
  private static void checkRange(int toMin, int toMax, String text, int min, int max) {
    if (max == Integer.MAX_VALUE && toMin < 0) {
      throw bad(text, "must be at least " + min);
    }
    if (max == Integer.MAX_VALUE && toMax > 0) {
      throw bad(text, "is too large (allowed: at most " + max + ")");
    }
    if (toMin < 0 || toMax > 0) {
      throw bad(text, "is out of range (allowed: " + min + ".." + max + ")");
    }
  }

  static BigDecimal decimalAtLeastZero(String text) {
    return checkDecimal(decimal(text), false);
  }

  static BigDecimal decimalAboveZero(String text) {
    return checkDecimal(decimal(text), true);
  }

  static BigDecimal startingCash(String text) {
    return checkStartingCash(decimal(text), text);
  }

  static BigDecimal checkStartingCash(BigDecimal value, String written) {
    checkDecimal(value, true);
    if (value.compareTo(PortfolioSettings.MAX_STARTING_CASH) > 0) {
      throw bad(written, "is too large (allowed: at most 1000000000000000, that is 1e15)");
    }
    return value;
  }

  static BigDecimal checkDecimal(BigDecimal value, boolean strictlyPositive) {
    int sign = value.signum();
    if (strictlyPositive && sign <= 0) {
      throw bad(value.toPlainString(), "must be greater than 0");
    }
    if (sign < 0) {
      throw bad(value.toPlainString(), "must be at least 0");
    }
    return value;
  }

  private static BigDecimal decimal(String text) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw bad(text, "is not a decimal number");
    }
  }

  static String currency(String text) {
    if (!CURRENCY.matcher(text).matches()) {
      throw bad(text, "is not a currency code (allowed: 3-5 upper-case letters, e.g. USD)");
    }
    return text;
  }

  static ZoneId timeZone(String text) {
    try {
      return ZoneId.of(text.strip());
    } catch (DateTimeException e) {
      throw bad(text, "is not a time zone (e.g. Australia/Sydney, UTC)");
    }
  }

  static String calendar(String text) {
    if (!CALENDARS.contains(text)) {
      throw bad(text, "is not a calendar (allowed: " + String.join(", ", CALENDARS) + ")");
    }
    return text;
  }

  static String databaseUrl(String text) {
    if (DATABASE_PREFIXES.stream().noneMatch(text::startsWith)) {
      // Only the scheme is echoed: the rest of a URL may hold a password.
      int colon = text.indexOf(':', text.startsWith("jdbc:") ? 5 : 0);
      String shown = colon < 0 ? text : text.substring(0, colon + 1) + "...";
      throw bad(
          shown,
          "is not a supported database URL (allowed: "
              + String.join("..., ", DATABASE_PREFIXES)
              + "...)");
    }
    return text;
  }

  static OvernightMode overnightMode(String text) {
    try {
      return OvernightMode.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw bad(text, "is not an overnight mode (allowed: none, percent, atr)");
    }
  }

  static Function<String, Path> directory(Path workingDir) {
    return text -> {
      if (text.isBlank()) {
        throw bad(text, "is not a path");
      }
      try {
        return workingDir.resolve(text.strip()).normalize();
      } catch (InvalidPathException e) {
        throw bad(text, "is not a valid path (" + e.getReason() + ")");
      }
    };
  }
}
