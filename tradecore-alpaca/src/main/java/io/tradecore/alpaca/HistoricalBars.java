package io.tradecore.alpaca;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Downloads bars from the market-data API into one CSV file per symbol in the generic OHLCV layout
 * ({@code timestamp,open,high,low,close,volume}) that TradeCore's CSV reader takes: ISO instants
 * for intraday bars, New York dates for daily and longer bars (a date stands for its session).
 */
public final class HistoricalBars {
  /** The exchange's zone: days start and daily bars are dated there. */
  public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  static final String HEADER = "timestamp,open,high,low,close,volume";

  /** What a download wrote: a file and a bar count per symbol, and the symbols without bars. */
  public record Download(Map<String, Path> files, Map<String, Integer> bars, List<String> empty) {}

  private final AlpacaClient client;

  public HistoricalBars(AlpacaClient client) {
    this.client = client;
  }

  /**
   * Fetches the bars of {@code symbols} from the start of {@code from} to the end of {@code to}
   * (New York days, both included) and writes {@code dir/SYMBOL.csv} for each symbol that has any.
   * A file is written whole or not at all.
   */
  public Download download(
      List<String> symbols, BarTimeframe timeframe, LocalDate from, LocalDate to, Path dir) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("--to " + to + " is before --from " + from);
    }
    Instant start = from.atStartOfDay(NEW_YORK).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(NEW_YORK).toInstant().minusSeconds(1);
    Map<String, List<StockBar>> all = client.allBars(symbols, timeframe, start, end);
    Map<String, Path> files = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    List<String> empty = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (String symbol : symbols) {
        List<StockBar> bars = inTimeOrder(all.getOrDefault(symbol, List.of()));
        if (bars.isEmpty()) {
          empty.add(symbol);
          continue;
        }
        Path file = dir.resolve(symbol.replace('/', '-') + ".csv");
        write(file, bars, timeframe.isDailyOrLonger());
        files.put(symbol, file);
        counts.put(symbol, bars.size());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write bars under " + dir + ": " + e.getMessage(), e);
    }
    return new Download(files, counts, empty);
  }

  /** Writes {@code bars} to {@code file} through a temporary file, so no half file is left. */
  static void write(Path file, List<StockBar> bars, boolean daily) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".part");
    try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
      out.write(HEADER);
      out.newLine();
      for (StockBar bar : bars) {
        String time =
            daily ? LocalDate.ofInstant(bar.time(), NEW_YORK).toString() : bar.time().toString();
        out.write(
            String.join(
                ",",
                time,
                bar.open().toPlainString(),
                bar.high().toPlainString(),
                bar.low().toPlainString(),
                bar.close().toPlainString(),
                bar.volume().toPlainString()));
        out.newLine();
      }
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The bars sorted by time, one per time (pages never overlap, but a file must not repeat). */
  private static List<StockBar> inTimeOrder(List<StockBar> bars) {
    Map<Instant, StockBar> byTime = new TreeMap<>();
    bars.forEach(b -> byTime.putIfAbsent(b.time(), b));
    return new ArrayList<>(byTime.values());
  }
}
