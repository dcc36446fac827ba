package io.tradecore.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlpacaConfigTest {
  private static final String KEY = "PKCONFIGKEY00000001";
  private static final String SECRET = "configSecretAbcdef0123456789";

  @Test
  void standard_variables_default_to_the_paper_endpoint_and_the_iex_feed() {
    AlpacaConfig config =
        AlpacaConfig.fromEnvironment(Map.of("APCA_API_KEY_ID", KEY, "APCA_API_SECRET_KEY", SECRET));

    assertThat(config.live()).isFalse();
    assertThat(config.tradingUrl()).isEqualTo(URI.create("https://paper-api.alpaca.markets"));
    assertThat(config.dataUrl()).isEqualTo(URI.create("https://data.alpaca.markets"));
    assertThat(config.tradingStreamUrl())
        .isEqualTo(URI.create("wss://paper-api.alpaca.markets/stream"));
    assertThat(config.dataStreamUrl())
        .isEqualTo(URI.create("wss://stream.data.alpaca.markets/v2/iex"));
    assertThat(config.feed()).isEqualTo("iex");
  }

  @Test
  void the_live_endpoint_is_used_only_when_named_explicitly() {
    AlpacaConfig live =
        AlpacaConfig.fromEnvironment(
            Map.of(
                "APCA_API_KEY_ID",
                KEY,
                "APCA_API_SECRET_KEY",
                SECRET,
                "APCA_API_BASE_URL",
                "https://api.alpaca.markets/",
                "APCA_API_DATA_FEED",
                "sip"));

    assertThat(live.live()).isTrue();
    assertThat(live.tradingUrl()).isEqualTo(URI.create("https://api.alpaca.markets"));
    assertThat(live.tradingStreamUrl()).isEqualTo(URI.create("wss://api.alpaca.markets/stream"));
    assertThat(live.dataStreamUrl())
        .isEqualTo(URI.create("wss://stream.data.alpaca.markets/v2/sip"));
    assertThat(live.toString()).startsWith("AlpacaConfig[LIVE, trading=https://api.alpaca.markets");
  }

  @Test
  void to_string_and_errors_never_show_the_keys() {
    AlpacaConfig config =
        AlpacaConfig.fromEnvironment(Map.of("APCA_API_KEY_ID", KEY, "APCA_API_SECRET_KEY", SECRET));

    assertThat(config.toString()).doesNotContain(KEY).doesNotContain(SECRET).contains("[redacted]");
    assertThat(config.redact("auth " + KEY + ":" + SECRET)).isEqualTo("auth [key id]:[secret]");
    assertThatThrownBy(() -> AlpacaConfig.fromEnvironment(Map.of("APCA_API_KEY_ID", KEY)))
        .hasMessage("APCA_API_SECRET_KEY is not set; Alpaca needs an API key id and secret")
        .hasMessageNotContaining(KEY);
  }

  @Test
  void a_malformed_url_names_its_variable() {
    assertThatThrownBy(
            () ->
                AlpacaConfig.fromEnvironment(
                    Map.of(
                        "APCA_API_KEY_ID", KEY,
                        "APCA_API_SECRET_KEY", SECRET,
                        "APCA_API_DATA_URL", "data.alpaca.markets")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "APCA_API_DATA_URL 'data.alpaca.markets' is not an http(s) or ws(s) URL with a host");
  }

  @Test
  void timeframes_parse_and_print_as_alpaca_names_them() {
    assertThat(BarTimeframe.parse("15Min")).isEqualTo(new BarTimeframe(15, BarTimeframe.Unit.MIN));
    assertThat(BarTimeframe.parse("1Day").isDailyOrLonger()).isTrue();
    assertThat(BarTimeframe.parse("1Hour").toString()).isEqualTo("1Hour");
    assertThatThrownBy(() -> BarTimeframe.parse("90Min"))
        .hasMessage("timeframe 90 MIN is not one Alpaca offers");
    assertThatThrownBy(() -> BarTimeframe.parse("daily"))
        .hasMessage("timeframe 'daily' is not one of 1-59Min, 1-23Hour, 1Day, 1Week, 1-12Month");
  }
}
