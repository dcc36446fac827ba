package io.tradecore.runner.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON form of {@link PortfolioSettings} stored next to each portfolio: the YAML keys, read
 * back through the same validation as the config file.
 */
final class PortfolioSettingsJson {
  private static final String SOURCE = "portfolio settings JSON";
  private static final JsonMapper MAPPER = new JsonMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private PortfolioSettingsJson() {}

  static String write(PortfolioSettings settings) {
    Map<String, Object> caps = new LinkedHashMap<>();
    caps.put("max_order_value", settings.caps().maxOrderValue());
    caps.put("max_gross_exposure", settings.caps().maxGrossExposure());
    caps.put("max_open_positions", settings.caps().maxOpenPositions());
    caps.put("max_position_value", settings.caps().maxPositionValue());
    Map<String, Object> overnight = new LinkedHashMap<>();
    overnight.put("mode", settings.overnight().mode().name().toLowerCase(Locale.ROOT));
    overnight.put("widen", settings.overnight().widen());
    overnight.put("atr_period", settings.overnight().atrPeriod());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("base_currency", settings.baseCurrency());
    json.put("time_zone", settings.timeZone().getId());
    json.put("calendar", settings.calendar());
    json.put("starting_cash", settings.startingCash());
    json.put("caps", caps);
    json.put("overnight", overnight);
    json.put("tiers", settings.tiers());
    try {
      return MAPPER.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      // Only maps, lists, strings, numbers and booleans are written, so this cannot happen.
      throw new IllegalStateException("cannot write portfolio settings as JSON", e);
    }
  }

  static PortfolioSettings read(String json) {
    Node.Mapping root;
    try {
      root = NodeReader.readDocument(FACTORY.createParser(json), SOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // creating a parser over a String does no I/O
    }
    return PortfolioSettingsReader.apply(PortfolioSettings.DEFAULTS, Section.root(root));
  }
}
