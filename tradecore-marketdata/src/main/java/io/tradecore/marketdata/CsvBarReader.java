package io.tradecore.marketdata;

import io.tradecore.core.domain.Instrument;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads a Yahoo, generic or Binance OHLCV CSV file into a {@link BarSeries}, all or nothing unless
 * asked to skip malformed rows.
 */
public final class CsvBarReader {

  /**
   * How to read a file.
   *
   * @param format the file's format, or null to detect it from the first line
   * @param lenient skip and count malformed rows instead of failing on the first one
   */
  public record Options(CsvFormat format, boolean lenient) {
    /** Detect the format; fail on the first malformed row. */
    public static final Options STRICT = new Options(null, false);

    /** Detect the format; skip and count malformed rows. */
    public static final Options LENIENT = new Options(null, true);

    public Options withFormat(CsvFormat format) {
      return new Options(format, lenient);
    }
  }

  private CsvBarReader() {}

  /** Reads {@code file} strictly, detecting its format. */
  public static BarSeries read(Path file, String symbol, String currency) {
    return read(file, symbol, currency, Options.STRICT);
  }

  /**
   * Reads every row of {@code file} into bars of {@code symbol}, priced in {@code currency} at the
   * largest number of decimals any price in the file has.
   *
   * @throws MarketDataException naming the file (and line) if it cannot be read or, unless lenient,
   *     has a malformed row
   */
  public static BarSeries read(Path file, String symbol, String currency, Options options) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    Instrument.of(symbol, currency, 0); // a bad symbol fails before the file is read
    if (!Files.exists(file)) {
      throw new MarketDataException("market data file not found: " + file);
    }
    if (!Files.isRegularFile(file)) {
      throw new MarketDataException("market data path is not a regular file: " + file);
    }
    String name = file.getFileName().toString();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long fileSize = Files.size(file);
      BarCollector rows = null;
      BoundedLines lines = new BoundedLines(in, name);
      CsvRowParser parser = null;
      for (String line = lines.next(); line != null; line = lines.next()) {
        int lineNumber = lines.lineNumber();
        if (lineNumber == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1); // byte order mark written by spreadsheets
        }
        if (line.isBlank()) {
          continue;
        }
        if (parser == null) {
          CsvLayout layout = layout(name, line, options.format());
          parser = new CsvRowParser(layout);
          if (!layout.firstLineIsData()) {
            continue;
          }
        }
        if (rows == null) {
          // Room for as many rows as the file holds lines as long as this one, give or take.
          long expected = fileSize / (line.length() + 1) + 16;
          rows = new BarCollector(name, options.lenient(), (int) Math.min(expected, 1 << 26));
        }
        rows.add(parser, lineNumber, line);
      }
      if (parser == null) {
        throw new MarketDataException(name + ": file is empty");
      }
      return (rows == null ? new BarCollector(name, options.lenient()) : rows)
          .toSeries(symbol, currency);
    } catch (NoSuchFileException e) {
      throw new MarketDataException("market data file not found: " + file, e);
    } catch (AccessDeniedException e) {
      throw new MarketDataException("cannot read market data file (access denied): " + file, e);
    } catch (CharacterCodingException e) {
      throw new MarketDataException("market data file is not UTF-8 text: " + file, e);
    } catch (IOException e) {
      throw new MarketDataException("cannot read market data file " + file + ": " + e, e);
    }
  }

  private static CsvLayout layout(String name, String firstLine, CsvFormat format) {
    if (format != null) {
      return CsvLayout.of(format, firstLine)
          .orElseThrow(
              () ->
                  new MarketDataException(
                      name
                          + ": first line '"
                          + Printable.cut(firstLine)
                          + "' does not fit the "
                          + format
                          + " format, which expects "
                          + format.expected()));
    }
    return CsvFormat.detect(firstLine)
        .flatMap(detected -> CsvLayout.of(detected, firstLine))
        .orElseThrow(
            () ->
                new MarketDataException(
                    name
                        + ": header '"
                        + Printable.cut(firstLine)
                        + "' matches no known format; accepted: "
                        + Arrays.stream(CsvFormat.values())
                            .map(f -> f + " (" + f.expected() + ")")
                            .collect(Collectors.joining("; "))));
  }
}
