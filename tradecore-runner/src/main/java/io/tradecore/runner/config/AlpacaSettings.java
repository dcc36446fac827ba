package io.tradecore.runner.config;

import io.tradecore.alpaca.AlpacaConfig;
import io.tradecore.alpaca.BarTimeframe;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach Alpaca (the {@code alpaca:} section of {@code tradecore.yaml}): the names of the
 * environment variables that hold the API key id and secret (the keys themselves are never in the
 * file, the logs or the database), the trading and market-data URLs ({@code APCA_API_BASE_URL} and
 * {@code APCA_API_DATA_URL} override them), the market-data feed and the bar size of a live feed.
 * The paper endpoint is the default; the live endpoint only when a URL names it. Immutable.
 *
 * @param baseUrl the trading API, or null for Alpaca's paper endpoint
 * @param dataUrl the market-data API, or null for Alpaca's
 */
public record AlpacaSettings(
    String keyIdEnv,
    String secretKeyEnv,
    URI baseUrl,
    URI dataUrl,
    String dataFeed,
    BarTimeframe timeframe) {

  public static final AlpacaSettings DEFAULTS =
      new AlpacaSettings(
          "APCA_API_KEY_ID", "APCA_API_SECRET_KEY", null, null, "iex", BarTimeframe.MINUTE);

  public AlpacaSettings {
    Objects.requireNonNull(keyIdEnv, "keyIdEnv");
    Objects.requireNonNull(secretKeyEnv, "secretKeyEnv");
    Objects.requireNonNull(dataFeed, "dataFeed");
    Objects.requireNonNull(timeframe, "timeframe");
  }

  /** True when these settings name Alpaca's live (real-money) endpoint. */
  public boolean live() {
    return baseUrl != null && AlpacaConfig.LIVE_URL.getHost().equalsIgnoreCase(baseUrl.getHost());
  }

  /**
   * The client configuration, with the keys read from {@code env}.
   *
   * @throws IllegalArgumentException naming the variable that is missing or the value that is bad
   */
  public AlpacaConfig clientConfig(Map<String, String> env) {
    Map<String, String> vars = new HashMap<>();
    vars.put("APCA_API_KEY_ID", required(env, keyIdEnv, "alpaca.key_id_env"));
    vars.put("APCA_API_SECRET_KEY", required(env, secretKeyEnv, "alpaca.secret_key_env"));
    if (baseUrl != null) {
      vars.put("APCA_API_BASE_URL", baseUrl.toString());
    }
    if (dataUrl != null) {
      vars.put("APCA_API_DATA_URL", dataUrl.toString());
    }
    vars.put("APCA_API_DATA_FEED", dataFeed);
    for (String optional : new String[] {"APCA_API_STREAM_URL", "APCA_API_DATA_STREAM_URL"}) {
      String value = env.get(optional);
      if (value != null && !value.isBlank()) {
        vars.put(optional, value);
      }
    }
    return AlpacaConfig.fromEnvironment(vars);
  }

  private static String required(Map<String, String> env, String name, String key) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          name
              + " is not set: Alpaca needs an API key id and secret in the environment variables"
              + " that "
              + key
              + " names");
    }
    return value;
  }
}
