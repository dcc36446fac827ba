package io.tradecore.runner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebSettingsTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "localhost,            localhost",
    "Dash.Example,         dash.example",
    "tradebox.lan.,        tradebox.lan",
    "my_box-2,             my_box-2",
    "192.168.1.20,         192.168.1.20",
    "::1,                  ::1",
    "[::1],                ::1",
    "[FE80::1],            fe80::1",
    "1:2:3:4:5:6:7:8,      1:2:3:4:5:6:7:8",
    "::ffff:127.0.0.1,     ::ffff:127.0.0.1",
    "2001:db8::,           2001:db8::",
  })
  void a_host_name_or_address_is_kept_in_lower_case_without_brackets(String text, String host) {
    assertThat(WebSettings.hostName(text)).isEqualTo(host);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "http://dash.example",
        "dash.example:8080",
        "dash.example/path",
        "*.example",
        "a..b",
        ".example",
        "-a.example",
        "dash example",
        "1::2::3",
        "1:2:3:4:5:6:7:8:9",
        "12345::1",
        "g::1",
        ":::",
        "[::1]:8080",
        "[dash.example]",
        "bücher.example",
      })
  void anything_else_is_refused_naming_the_text(String text) {
    assertThatThrownBy(() -> WebSettings.hostName(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("'" + text + "' is not a host name");
  }
}
