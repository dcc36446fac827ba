package io.tradecore.alpaca;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where and as whom to reach Alpaca: keys, the trading and market-data URLs and their streams.
 * Immutable and thread-safe; {@link #toString()} never shows the key id or the secret.
 *
 * <p>The paper endpoint is the default. The live endpoint is used only when {@code
 * APCA_API_BASE_URL} (or {@link #of}'s trading URL) names it explicitly.
 */
public final class AlpacaConfig {
  /** The paper-trading endpoint, the default. */
  public static final URI PAPER_URL = URI.create("https://paper-api.alpaca.markets");

  /** The live-trading endpoint: real money. */
  public static final URI LIVE_URL = URI.create("https://api.alpaca.markets");

  /** The market-data endpoint, the same for paper and live accounts. */
  public static final URI DATA_URL = URI.create("https://data.alpaca.markets");

  /** The market-data stream's host; the feed is appended as {@code /v2/{feed}}. */
  public static final URI DATA_STREAM_URL = URI.create("wss://stream.data.alpaca.markets");

  private final String keyId;
  private final String secret;
  private final URI tradingUrl;
  private final URI dataUrl;
  private final URI tradingStreamUrl;
  private final URI dataStreamUrl;
  private final String feed;

  private AlpacaConfig(
      String keyId,
      String secret,
      URI tradingUrl,
      URI dataUrl,
      URI tradingStreamUrl,
      URI dataStreamUrl,
      String feed) {
    this.keyId = keyId;
    this.secret = secret;
    this.tradingUrl = tradingUrl;
    this.dataUrl = dataUrl;
    this.tradingStreamUrl = tradingStreamUrl;
    this.dataStreamUrl = dataStreamUrl;
    this.feed = feed;
  }

  /**
   * Reads the standard variables: {@code APCA_API_KEY_ID}, {@code APCA_API_SECRET_KEY}, {@code
   * APCA_API_BASE_URL} (default the paper endpoint), {@code APCA_API_DATA_URL} (default {@link
   * #DATA_URL}); and TradeCore's optional {@code APCA_API_STREAM_URL}, {@code
   * APCA_API_DATA_STREAM_URL} and {@code APCA_API_DATA_FEED} (default {@code iex}).
   *
   * @throws IllegalArgumentException naming the variable that is missing or malformed
   */
  public static AlpacaConfig fromEnvironment(Map<String, String> env) {
    String keyId = required(env, "APCA_API_KEY_ID");
    String secret = required(env, "APCA_API_SECRET_KEY");
    URI trading = url(env, "APCA_API_BASE_URL", PAPER_URL);
    URI data = url(env, "APCA_API_DATA_URL", DATA_URL);
    String feed = env.getOrDefault("APCA_API_DATA_FEED", "iex").strip();
    URI tradingStream = url(env, "APCA_API_STREAM_URL", tradingStreamOf(trading));
    URI dataStream =
        url(env, "APCA_API_DATA_STREAM_URL", DATA_STREAM_URL.resolve("/v2/" + check(feed)));
    return new AlpacaConfig(keyId, secret, trading, data, tradingStream, dataStream, feed);
  }

  /**
   * A configuration with explicit URLs; the streams follow from them ({@code wss://} + {@code
   * /stream} for trading, {@code /v2/{feed}} on {@code dataStreamUrl} for market data).
   */
  public static AlpacaConfig of(
      String keyId, String secret, URI tradingUrl, URI dataUrl, URI dataStreamUrl, String feed) {
    requireText("key id", keyId);
    requireText("secret", secret);
    Objects.requireNonNull(tradingUrl, "tradingUrl");
    Objects.requireNonNull(dataUrl, "dataUrl");
    URI dataStream = dataStreamUrl.resolve("/v2/" + check(feed));
    return new AlpacaConfig(
        keyId,
        secret,
        stripSlash(tradingUrl),
        stripSlash(dataUrl),
        tradingStreamOf(tradingUrl),
        dataStream,
        feed);
  }

  /** True when this configuration trades real money on the live endpoint. */
  public boolean live() {
    return LIVE_URL.getHost().equalsIgnoreCase(tradingUrl.getHost());
  }

  public URI tradingUrl() {
    return tradingUrl;
  }

  public URI dataUrl() {
    return dataUrl;
  }

  public URI tradingStreamUrl() {
    return tradingStreamUrl;
  }

  public URI dataStreamUrl() {
    return dataStreamUrl;
  }

  /** The market-data feed: {@code iex} (free) or {@code sip} (all exchanges, paid). */
  public String feed() {
    return feed;
  }

  /** The key id, for the authentication headers and stream messages only. */
  String keyId() {
    return keyId;
  }

  /** The secret, for the authentication headers and stream messages only. */
  String secret() {
    return secret;
  }

  /** Replaces every occurrence of the key id or secret in {@code text} with a placeholder. */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    return text.replace(secret, "[secret]").replace(keyId, "[key id]");
  }

  @Override
  public String toString() {
    return "AlpacaConfig["
        + (live() ? "LIVE" : "paper")
        + ", trading="
        + tradingUrl
        + ", data="
        + dataUrl
        + ", feed="
        + feed
        + ", key id=[redacted], secret=[redacted]]";
  }

  private static URI tradingStreamOf(URI trading) {
    String scheme = "http".equalsIgnoreCase(trading.getScheme()) ? "ws" : "wss";
    return URI.create(scheme + "://" + trading.getRawAuthority() + "/stream");
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          name + " is not set; Alpaca needs an API key id and secret");
    }
    return value.strip();
  }

  private static URI url(Map<String, String> env, String name, URI fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      URI uri = URI.create(value.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.matches("https?|wss?") || uri.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
      return stripSlash(uri);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          name + " '" + value + "' is not an http(s) or ws(s) URL with a host");
    }
  }

  private static URI stripSlash(URI uri) {
    String text = uri.toString();
    return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
  }

  private static String check(String feed) {
    if (!feed.matches("[a-z_]{2,16}")) {
      throw new IllegalArgumentException(
          "market data feed '" + feed + "' is not a feed name such as iex or sip");
    }
    return feed;
  }

  private static void requireText(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the Alpaca " + what + " is empty");
    }
  }
}
