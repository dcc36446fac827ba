package io.tradecore.store;

import io.tradecore.core.domain.PortfolioId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The portfolios table. */
public final class PortfolioRepository {
  private static final String COLUMNS =
      "id, name, base_currency, time_zone, calendar, starting_cash, settings, created_ms, venue";

  public void insert(Handle h, PortfolioRecord p) {
    h.createUpdate(
            "INSERT INTO portfolios ("
                + COLUMNS
                + ") VALUES "
                + "(:id, :name, :currency, :zone, :calendar, :cash, :settings, :created, :venue)")
        .bind("id", p.id().value())
        .bind("name", p.name())
        .bind("currency", p.baseCurrency())
        .bind("zone", p.timeZone())
        .bind("calendar", p.calendar())
        .bind("cash", p.startingCash().toPlainString())
        .bind("settings", p.settingsJson())
        .bind("created", p.createdAt().toEpochMilli())
        .bind("venue", p.venue())
        .execute();
  }

  public Optional<PortfolioRecord> byName(Handle h, String name) {
    return h.createQuery("SELECT " + COLUMNS + " FROM portfolios WHERE name = :name")
        .bind("name", name)
        .map(PortfolioRepository::map)
        .findOne();
  }

  public Optional<PortfolioRecord> byId(Handle h, PortfolioId id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM portfolios WHERE id = :id")
        .bind("id", id.value())
        .map(PortfolioRepository::map)
        .findOne();
  }

  public List<PortfolioRecord> all(Handle h) {
    return h.createQuery("SELECT " + COLUMNS + " FROM portfolios ORDER BY name")
        .map(PortfolioRepository::map)
        .list();
  }

  private static PortfolioRecord map(java.sql.ResultSet rs, StatementContext ctx)
      throws java.sql.SQLException {
    return new PortfolioRecord(
        new PortfolioId(rs.getString("id")),
        rs.getString("name"),
        rs.getString("base_currency"),
        rs.getString("time_zone"),
        rs.getString("calendar"),
        new BigDecimal(rs.getString("starting_cash")),
        rs.getString("settings"),
        Instant.ofEpochMilli(rs.getLong("created_ms")),
        rs.getString("venue"));
  }
}
