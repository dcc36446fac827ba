package io.tradecore.store;

import io.tradecore.core.domain.Instrument;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The instruments table: symbols, the scales their prices and quantities use, and the venue with
 * its tick and lot sizes.
 */
public final class InstrumentRepository {

  /** Stores the instrument, or checks that the stored one agrees with it. */
  public void ensure(Handle h, Instrument i) {
    Instrument stored = all(h).get(i.symbol());
    if (stored == null) {
      h.createUpdate(
              "INSERT INTO instruments (symbol, currency, price_scale, quantity_scale, venue,"
                  + " tick_size, lot_size) VALUES (:symbol, :currency, :ps, :qs, :venue, :tick,"
                  + " :lot)")
          .bind("symbol", i.symbol())
          .bind("currency", i.currency())
          .bind("ps", i.priceScale())
          .bind("qs", i.quantityScale())
          .bind("venue", i.venue())
          .bind("tick", i.tickSize())
          .bind("lot", i.lotSize())
          .execute();
    } else if (!stored.equals(i)) {
      throw new StoreException(
          "instrument " + i.symbol() + " is stored as " + stored + " but the data gives " + i);
    }
  }

  public Map<String, Instrument> all(Handle h) {
    Map<String, Instrument> out = new LinkedHashMap<>();
    h.createQuery(
            "SELECT symbol, currency, price_scale, quantity_scale, venue, tick_size, lot_size"
                + " FROM instruments")
        .map(
            (rs, ctx) ->
                new Instrument(
                    rs.getString("symbol"),
                    rs.getString("currency"),
                    rs.getInt("price_scale"),
                    rs.getInt("quantity_scale"),
                    rs.getString("venue"),
                    rs.getLong("tick_size"),
                    rs.getLong("lot_size")))
        .forEach(i -> out.put(i.symbol(), i));
    return out;
  }
}
