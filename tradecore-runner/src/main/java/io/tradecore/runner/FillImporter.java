package io.tradecore.runner;

import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.Price;
import io.tradecore.core.domain.Quantity;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TradeId;
import io.tradecore.core.ledger.Portfolio;
import io.tradecore.store.Database;
import io.tradecore.store.FillRepository;
import io.tradecore.store.InstrumentRepository;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.StatsRepository;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Imports a fill history from CSV (header {@code
 * trade_id,time,symbol,side,quantity,price,fee[,order_id,bot_version]}) into a portfolio, in
 * bounded memory whatever its size. The whole file is checked before anything is written; a fill
 * already stored (same trade id) is skipped, so importing a file twice adds nothing.
 */
public final class FillImporter {
  private static final List<String> REQUIRED =
      List.of("trade_id", "time", "symbol", "side", "quantity", "price", "fee");

  /** How many fills were new, and how many were already there. */
  public record Result(int added, int alreadyThere) {}

  public static Result importFile(Database db, PortfolioRecord portfolio, Path file, Clock clock) {
    Map<String, Instrument> known = db.jdbi().withHandle(h -> new InstrumentRepository().all(h));
    Map<String, Instrument> instruments = new HashMap<>(known);
    // Read twice, a line at a time, so a file of any size takes bounded memory: checked whole
    // first (nothing kept but the instruments it names), then stored in one transaction.
    int count = read(file, portfolio, instruments, fill -> {});
    int[] added = {0};
    db.jdbi()
        .useTransaction(
            h -> {
              InstrumentRepository instrumentRepo = new InstrumentRepository();
              instruments.values().forEach(i -> instrumentRepo.ensure(h, i));
              FillRepository repo = new FillRepository();
              read(
                  file,
                  portfolio,
                  instruments,
                  fill -> {
                    if (repo.insertIfAbsent(h, portfolio.id(), fill, null, "import")) {
                      added[0]++;
                    }
                  });
              Portfolio rebuilt =
                  new Portfolio(portfolio.id(), portfolio.baseCurrency(), portfolio.startingCash());
              repo.forEach(h, portfolio.id(), instrumentRepo.all(h), rebuilt::apply);
              new StatsRepository()
                  .save(h, portfolio.id(), StatsRepository.Snapshot.of(rebuilt), clock.instant());
            });
    return new Result(added[0], count - added[0]);
  }

  /** Hands each fill of the file to {@code sink}, in order; returns how many there were. */
  private static int read(
      Path file,
      PortfolioRecord portfolio,
      Map<String, Instrument> instruments,
      Consumer<Fill> sink) {
    String name = file.getFileName().toString();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = in.readLine();
      if (first == null) {
        throw new IllegalArgumentException(name + " is empty");
      }
      List<String> header =
          Arrays.stream(first.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
      for (String column : REQUIRED) {
        if (!header.contains(column)) {
          throw new IllegalArgumentException(
              name + " line 1: missing column '" + column + "' (needs " + REQUIRED + ")");
        }
      }
      int count = 0;
      int n = 1;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",", -1);
        if (f.length != header.size()) {
          throw new IllegalArgumentException(
              name
                  + " line "
                  + n
                  + ": expected "
                  + header.size()
                  + " fields but found "
                  + f.length);
        }
        Fill fill;
        try {
          fill = parse(header, f, portfolio, instruments, n);
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(name + " line " + n + ": " + e.getMessage(), e);
        }
        sink.accept(fill);
        count++;
      }
      return count;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static Fill parse(
      List<String> header,
      String[] f,
      PortfolioRecord portfolio,
      Map<String, Instrument> instruments,
      int line) {
    String symbol = field(header, f, "symbol");
    BigDecimal qty = decimal(header, f, "quantity");
    BigDecimal price = decimal(header, f, "price");
    BigDecimal fee = decimal(header, f, "fee");
    if (qty.signum() <= 0 || price.signum() <= 0 || fee.signum() < 0) {
      throw new IllegalArgumentException("quantity and price must be > 0 and fee >= 0");
    }
    Instrument i =
        instruments.computeIfAbsent(
            symbol,
            s ->
                new Instrument(
                    s,
                    portfolio.baseCurrency(),
                    Math.max(2, Math.min(9, price.stripTrailingZeros().scale())),
                    6));
    String side = field(header, f, "side").toUpperCase(Locale.ROOT);
    if (!side.equals("BUY") && !side.equals("SELL")) {
      throw new IllegalArgumentException("side must be BUY or SELL but was '" + side + "'");
    }
    String order = optional(header, f, "order_id", "import-" + field(header, f, "trade_id"));
    String version = optional(header, f, "bot_version", "import");
    return new Fill(
        new TradeId(field(header, f, "trade_id")),
        new ClientOrderId(order),
        null,
        i,
        Side.valueOf(side),
        Quantity.of(qty, i.quantityScale()),
        Price.of(price, i.priceScale()),
        fee,
        time(field(header, f, "time")),
        version);
  }

  private static String field(List<String> header, String[] f, String column) {
    String v = f[header.indexOf(column)].trim();
    if (v.isEmpty()) {
      throw new IllegalArgumentException(column + " is empty");
    }
    return v;
  }

  /** An optional column's value, or {@code fallback} when the column is missing or empty. */
  private static String optional(List<String> header, String[] f, String column, String fallback) {
    int i = header.indexOf(column);
    String v = i < 0 ? "" : f[i].trim();
    return v.isEmpty() ? fallback : v;
  }

  private static BigDecimal decimal(List<String> header, String[] f, String column) {
    String v = field(header, f, column);
    try {
      return new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + " '" + v + "' is not a number", e);
    }
  }

  private static Instant time(String v) {
    try {
      return v.length() == 10
          ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("time '" + v + "' is not an ISO instant or date", e);
    }
  }
}
