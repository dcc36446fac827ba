package io.tradecore.runner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.alpaca.AlpacaConfig;
import io.tradecore.alpaca.BarTimeframe;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alpaca: section: key variables by name, URLs from the file or APCA_*, paper by default. */
class AlpacaSettingsTest {
  @TempDir Path dir;

  private TradeCoreConfig load(String yaml, Map<String, String> env) throws IOException {
    Files.writeString(dir.resolve("tradecore.yaml"), yaml);
    return TradeCoreConfig.load(null, env, dir);
  }

  @Test
  void the_standard_variables_and_the_paper_endpoint_by_default() throws IOException {
    AlpacaSettings settings = load("", Map.of()).alpaca();
    assertThat(settings).isEqualTo(AlpacaSettings.DEFAULTS);
    assertThat(settings.live()).isFalse();

    AlpacaConfig client =
        settings.clientConfig(
            Map.of("APCA_API_KEY_ID", "PKID123456", "APCA_API_SECRET_KEY", "sekret987654"));
    assertThat(client.tradingUrl()).isEqualTo(AlpacaConfig.PAPER_URL);
    assertThat(client.live()).isFalse();
    assertThat(client.toString()).doesNotContain("PKID123456").doesNotContain("sekret987654");
  }

  @Test
  void the_file_names_the_key_variables_and_urls_and_apca_variables_override_them()
      throws IOException {
    String yaml =
        "alpaca:\n"
            + "  key_id_env: MY_ALPACA_KEY\n"
            + "  secret_key_env: MY_ALPACA_SECRET\n"
            + "  base_url: https://paper-api.alpaca.markets\n"
            + "  data_url: http://127.0.0.1:9999\n"
            + "  timeframe: 5Min\n";
    AlpacaSettings settings = load(yaml, Map.of()).alpaca();
    assertThat(settings.timeframe()).isEqualTo(BarTimeframe.parse("5Min"));
    assertThat(settings.dataUrl()).isEqualTo(URI.create("http://127.0.0.1:9999"));
    AlpacaConfig client =
        settings.clientConfig(Map.of("MY_ALPACA_KEY", "PKID123456", "MY_ALPACA_SECRET", "s3cr3t"));
    assertThat(client.dataUrl()).isEqualTo(URI.create("http://127.0.0.1:9999"));

    AlpacaSettings live =
        load(yaml, Map.of("APCA_API_BASE_URL", "https://api.alpaca.markets")).alpaca();
    assertThat(live.live()).isTrue();
  }

  @Test
  void a_missing_key_names_its_variable() throws IOException {
    AlpacaSettings settings = load("alpaca:\n  key_id_env: MY_ALPACA_KEY\n", Map.of()).alpaca();

    assertThatThrownBy(() -> settings.clientConfig(Map.of("APCA_API_SECRET_KEY", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("MY_ALPACA_KEY is not set")
        .hasMessageContaining("alpaca.key_id_env");
  }

  @Test
  void bad_values_name_the_key_and_line() {
    assertThatThrownBy(() -> load("alpaca:\n  timeframe: 1Day\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("alpaca.timeframe");
    assertThatThrownBy(() -> load("alpaca:\n  base_url: ftp://x\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("alpaca.base_url");
    assertThatThrownBy(() -> load("alpaca:\n  key_id: PKID123\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key 'alpaca.key_id'");
  }
}
