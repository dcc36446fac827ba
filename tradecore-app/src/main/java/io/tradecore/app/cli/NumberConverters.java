package io.tradecore.app.cli;

import java.math.BigDecimal;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads the numbers of options and says in plain words when a value is not one ({@code 'x' is not a
 * number}), instead of naming Java types and exceptions.
 */
public final class NumberConverters {
  private NumberConverters() {}

  /** Registers the converters on {@code cmd} and every subcommand it has now. */
  public static CommandLine register(CommandLine cmd) {
    ITypeConverter<Integer> integer = v -> whole(v, Integer::valueOf);
    ITypeConverter<Long> whole = v -> whole(v, Long::valueOf);
    ITypeConverter<Double> real =
        v -> {
          double d = parse(v, Double::valueOf);
          if (!Double.isFinite(d)) {
            throw notANumber(v);
          }
          return d;
        };
    return cmd.registerConverter(BigDecimal.class, v -> parse(v, BigDecimal::new))
        .registerConverter(Integer.class, integer)
        .registerConverter(Integer.TYPE, integer)
        .registerConverter(Long.class, whole)
        .registerConverter(Long.TYPE, whole)
        .registerConverter(Double.class, real)
        .registerConverter(Double.TYPE, real);
  }

  private interface Parser<T> {
    T parse(String value);
  }

  private static <T> T parse(String value, Parser<T> parser) {
    try {
      return parser.parse(value.strip());
    } catch (NumberFormatException e) {
      throw notANumber(value);
    }
  }

  private static <T> T whole(String value, Parser<T> parser) {
    try {
      return parser.parse(value.strip());
    } catch (NumberFormatException e) {
      throw new TypeConversionException(
          "'" + value + "' is " + (looksWhole(value) ? "out of range" : "not a whole number"));
    }
  }

  private static boolean looksWhole(String value) {
    return value.strip().matches("[+-]?\\d+");
  }

  private static TypeConversionException notANumber(String value) {
    return new TypeConversionException("'" + value + "' is not a number");
  }
}
