package io.tradecore.runner;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.store.Database;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.PortfolioRepository;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Creating, listing and finding portfolios. */
public final class Portfolios {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private final Database db;
  private final PortfolioRepository repo = new PortfolioRepository();

  public Portfolios(Database db) {
    this.db = db;
  }

  /** Fails with a one-line reason unless {@code name} can name a portfolio. */
  public static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "portfolio name '" + name + "' must be 1-64 letters, digits, '.', '_' or '-'");
    }
  }

  /** The venues a portfolio can trade on. */
  public static final List<String> VENUES = List.of(PortfolioRecord.PAPER, "alpaca");

  /** Creates a portfolio with the given settings; fails if the name is taken or malformed. */
  public PortfolioRecord create(String name, PortfolioSettings settings, Clock clock) {
    return create(name, settings, PortfolioRecord.PAPER, clock);
  }

  /**
   * Creates a portfolio on {@code venue} (one of {@link #VENUES}); fails if the name is taken or
   * malformed or the venue unknown.
   */
  public PortfolioRecord create(
      String name, PortfolioSettings settings, String venue, Clock clock) {
    checkName(name);
    if (!VENUES.contains(venue)) {
      throw new IllegalArgumentException(
          "venue '" + venue + "' is not one of " + String.join(", ", VENUES));
    }
    return db.jdbi()
        .inTransaction(
            h -> {
              if (repo.byName(h, name).isPresent()) {
                throw new IllegalArgumentException("portfolio '" + name + "' already exists");
              }
              PortfolioRecord record =
                  new PortfolioRecord(
                      new PortfolioId(
                          name.toLowerCase(Locale.ROOT)
                              + "-"
                              + UUID.randomUUID().toString().substring(0, 8)),
                      name,
                      settings.baseCurrency(),
                      settings.timeZone().getId(),
                      settings.calendar(),
                      settings.startingCash(),
                      settings.toJson(),
                      clock.instant(),
                      venue);
              repo.insert(h, record);
              return record;
            });
  }

  public List<PortfolioRecord> list() {
    return db.jdbi().withHandle(repo::all);
  }

  /** The portfolio with this name, or an error naming the known ones. */
  public PortfolioRecord find(String name) {
    return db.jdbi()
        .withHandle(h -> repo.byName(h, name))
        .orElseThrow(
            () -> {
              List<PortfolioRecord> all = list();
              String known =
                  all.isEmpty()
                      ? "there are none yet: run ./tradecore init"
                      : "known: "
                          + all.stream()
                              .map(PortfolioRecord::name)
                              .collect(Collectors.joining(", "));
              return new PortfolioNotFoundException("no portfolio named '" + name + "'; " + known);
            });
  }

  /** The stored settings of a portfolio. */
  public static PortfolioSettings settings(PortfolioRecord record) {
    return PortfolioSettings.fromJson(record.settingsJson());
  }
}
