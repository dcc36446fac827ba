package io.tradecore.web;

import io.javalin.http.Context;
import io.tradecore.runner.Portfolios;
import io.tradecore.store.Database;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.PortfolioRepository;
import java.util.Optional;

/**
 * Finds the portfolio a request names in its path, or answers 404; remembers its id on the request
 * so the request log and metrics can carry it.
 */
public final class PortfolioLookup {
  /** The request attribute holding the portfolio id of the request, when it names one. */
  public static final String ATTRIBUTE = "tradecore.portfolio_id";

  private final Database db;
  private final PortfolioRepository repo = new PortfolioRepository();

  public PortfolioLookup(Database db) {
    this.db = db;
  }

  /**
   * The portfolio named by the path parameter {@code name}; a name no portfolio can have (see
   * {@link Portfolios#checkName}) is not looked up, so no odd text reaches the database.
   */
  public PortfolioRecord find(Context ctx) {
    String name = ctx.pathParam("name");
    Optional<PortfolioRecord> found =
        possibleName(name) ? db.jdbi().withHandle(h -> repo.byName(h, name)) : Optional.empty();
    PortfolioRecord record =
        found.orElseThrow(
            () -> ApiException.notFound("no portfolio named '" + Params.shown(name) + "'"));
    ctx.attribute(ATTRIBUTE, record.id().value());
    return record;
  }

  private static boolean possibleName(String name) {
    try {
      Portfolios.checkName(name);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
