package io.tradecore.web.view;

import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON object whose keys keep the order they are given in. */
public final class Body {
  private Body() {}

  public static Map<String, Object> of(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }
}
