package io.tradecore.web.view;

import io.tradecore.store.PortfolioRecord;
import java.math.BigDecimal;

/** A portfolio's identity in the API: name, id, base currency, calendar, zone, start. */
public record PortfolioView(
    String name,
    String id,
    String baseCurrency,
    String calendar,
    String timeZone,
    BigDecimal startingCash,
    String created) {

  public static PortfolioView of(PortfolioRecord r) {
    return new PortfolioView(
        r.name(),
        r.id().value(),
        r.baseCurrency(),
        r.calendar(),
        r.timeZone(),
        r.startingCash(),
        Times.iso(r.createdAt()));
  }
}
