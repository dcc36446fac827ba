package io.tradecore.runner.days;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradecore.core.domain.PlanId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The overnight rule's state as the runner commits it: the original levels of the plans widened
 * now, as JSON {@code {"plan-1": [stop, target]}}, so a restart between the widening and the
 * restore puts the right levels back.
 */
public final class OvernightState {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OvernightState() {}

  /** The levels as JSON, or null when no plan is widened. */
  public static String toJson(Map<PlanId, long[]> widened) {
    if (widened.isEmpty()) {
      return null;
    }
    Map<String, long[]> byId = new LinkedHashMap<>();
    widened.forEach((id, levels) -> byId.put(id.value(), levels));
    try {
      return JSON.writeValueAsString(byId);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The levels stored as {@link #toJson}; empty for null or blank. */
  public static Map<PlanId, long[]> fromJson(String state) {
    Map<PlanId, long[]> out = new LinkedHashMap<>();
    if (state == null || state.isBlank()) {
      return out;
    }
    try {
      JSON.readValue(state, new TypeReference<LinkedHashMap<String, long[]>>() {})
          .forEach((id, levels) -> out.put(new PlanId(id), levels));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "stored overnight state is malformed: " + e.getOriginalMessage(), e);
    }
    return out;
  }
}
