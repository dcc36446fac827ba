package io.tradecore.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.store.Dialect;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Host check against DNS rebinding, and the headers that keep pages out of frames. */
class HostAndHeadersTest {
  private static final List<String> TARGETS =
      List.of("/api/portfolios", "/api/portfolios/alpha", "/metrics", "/", "/js/app.js");

  @Test
  void on_loopback_a_foreign_host_is_refused_and_this_machines_names_are_answered()
      throws Exception {
    try (ServerFixture f = ServerFixture.start(Dialect.SQLITE, ServerFixture.config())) {
      RawHttp raw = new RawHttp(f.server.port());
      int port = f.server.port();
      for (String host :
          List.of(
              "evil.example",
              "evil.example:" + port,
              "EVIL.example:80",
              "localhost.evil.example:" + port,
              "127.0.0.1.nip.io:" + port,
              "[::2]:" + port,
              "10.0.0.7:" + port)) {
        for (String target : TARGETS) {
          RawHttp.Response r = raw.sendWithHost("GET", target, host);
          assertThat(r.status()).as(host + " " + target).isEqualTo(403);
          assertThat(r.header("Content-Type")).startsWith("application/json");
          assertThat(r.json().get("parameter").asText()).isEqualTo("Host");
          assertThat(r.json().get("error").asText()).contains("web.allowed_hosts");
          assertThat(r.body()).doesNotContain("alpha\"", "tradecore_fills");
        }
      }
      // Malformed values are refused too (Jetty may already refuse some as a bad request).
      for (String host :
          List.of("", "localhost:" + port + "@evil.example", "[::1", "::1", "localhost:x")) {
        RawHttp.Response r = raw.sendWithHost("GET", "/api/portfolios", host);
        assertThat(r.status()).as(host).isIn(400, 403);
        assertThat(r.header("Content-Type")).as(host).startsWith("application/json");
      }
      for (String host :
          List.of(
              "localhost",
              "localhost:" + port,
              "LocalHost:" + port,
              "localhost.:" + port,
              "127.0.0.1",
              "127.0.0.1:" + port,
              "[::1]",
              "[::1]:" + port,
              "[0:0:0:0:0:0:0:1]:" + port)) {
        for (String target : TARGETS) {
          assertThat(raw.sendWithHost("GET", target, host).status())
              .as(host + " " + target)
              .isEqualTo(200);
        }
      }
    }
  }

  @Test
  void names_in_the_allow_list_are_answered_with_any_port() throws Exception {
    try (ServerFixture f =
        ServerFixture.start(
            Dialect.SQLITE,
            ServerFixture.config(),
            Map.of("TRADECORE_ALLOWED_HOSTS", "dash.example, [fd00::7]"),
            dir -> List.of())) {
      RawHttp raw = new RawHttp(f.server.port());
      for (String host :
          List.of("dash.example", "Dash.Example:8443", "[fd00::7]:80", "localhost:9")) {
        assertThat(raw.sendWithHost("GET", "/api/portfolios", host).status())
            .as(host)
            .isEqualTo(200);
      }
      for (String host : List.of("other.example", "dash.example.evil", "x.dash.example")) {
        assertThat(raw.sendWithHost("GET", "/api/portfolios", host).status())
            .as(host)
            .isEqualTo(403);
      }
    }
  }

  @Test
  void every_answer_forbids_framing_and_sniffing_and_the_page_declares_its_charset()
      throws Exception {
    try (ServerFixture f =
        ServerFixture.start(
            Dialect.SQLITE, ServerFixture.config().withApiToken(ServerFixture.TOKEN))) {
      RawHttp raw = new RawHttp(f.server.port());
      RawHttp.Response page = raw.send("GET", "/");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.header("Content-Type").replace(" ", "").toLowerCase(Locale.ROOT))
          .isEqualTo("text/html;charset=utf-8");
      assertThat(page.header("Content-Security-Policy"))
          .contains("default-src 'none'")
          .contains("script-src 'self'")
          .contains("frame-ancestors 'none'")
          .doesNotContain("unsafe-inline")
          .doesNotContain("unsafe-eval");
      for (String target :
          List.of(
              "/",
              "/js/app.js",
              "/css/dashboard.css",
              "/webjars/chart.js/4.5.1/dist/chart.umd.min.js",
              "/api/portfolios",
              "/api/nothing-here",
              "/metrics")) {
        RawHttp.Response r = raw.send("GET", target);
        assertThat(r.header("X-Frame-Options")).as(target).isEqualTo("DENY");
        assertThat(r.header("X-Content-Type-Options")).as(target).isEqualTo("nosniff");
        assertThat(r.header("Content-Security-Policy")).as(target).isNotNull();
      }
      assertThat(raw.send("GET", "/js/app.js").header("Content-Type")).contains("javascript");
      assertThat(raw.send("GET", "/css/dashboard.css").header("Content-Type"))
          .startsWith("text/css");
    }
  }
}
