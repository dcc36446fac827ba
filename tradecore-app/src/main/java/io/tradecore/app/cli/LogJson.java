package io.tradecore.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradecore.store.DailyLogRepository;
import java.util.LinkedHashMap;
import java.util.Map;

/** One stored daily log as a JSON object with snake_case keys and money as exact numbers. */
final class LogJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private LogJson() {}

  static Map<String, Object> of(DailyLogRepository.Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("day", r.day());
    m.put("account_value", r.accountValue());
    m.put("daily_pnl", r.dailyPnl());
    m.put("daily_return", r.dailyReturn());
    m.put("total_pnl", r.totalPnl());
    m.put("tier", r.tier());
    m.put("trades", r.trades());
    m.put("signals", r.signals());
    m.put("warnings", r.warnings());
    m.put("errors", r.errors());
    m.put("market_status", r.marketStatus());
    m.put("observations", observations(r.observationsJson()));
    m.put("market_context", r.marketContext());
    m.put("lessons", r.lessons());
    m.put("focus", r.focus());
    m.put("notes", r.notes());
    m.put("generated_at", r.generatedAt().toString());
    return m;
  }

  private static JsonNode observations(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored observations are malformed: " + e.getMessage(), e);
    }
  }
}
