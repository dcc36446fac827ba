package io.tradecore.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.runner.config.TradeCoreConfig;
import io.tradecore.store.Database;
import io.tradecore.store.Dialect;
import io.tradecore.store.TestDatabases;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The address the server may bind, the token, writes without one, and CORS. */
class AuthTest {
  @TempDir Path dir;

  @Test
  void binding_beyond_loopback_without_a_token_is_refused_with_the_reason() {
    Database db = TestDatabases.open(Dialect.SQLITE);
    try {
      TradeCoreConfig cfg = TradeCoreConfig.load(null, Map.of(), dir);
      WebConfig open = ServerFixture.config().withBind("0.0.0.0");
      assertThatThrownBy(() -> WebServer.start(open, db, cfg, Clock.systemUTC()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("refusing to listen on 0.0.0.0 without an API token")
          .hasMessageContaining("TRADECORE_API_TOKEN");
      WebConfig shortToken = ServerFixture.config().withApiToken("secret");
      assertThatThrownBy(() -> WebServer.start(shortToken, db, cfg, Clock.systemUTC()))
          .hasMessageContaining("at least 16 characters");
      try (WebServer server =
          WebServer.start(open.withApiToken(ServerFixture.TOKEN), db, cfg, Clock.systemUTC())) {
        Http.Response r =
            new Http("http://127.0.0.1:" + server.port(), ServerFixture.TOKEN).get("/api/health");
        assertThat(r.status()).isEqualTo(200);
      }
    } finally {
      TestDatabases.dispose(db);
    }
  }

  @Test
  void the_environment_gives_the_token_and_the_cors_origin() {
    WebConfig c =
        WebConfig.of(
            null,
            9090,
            Map.of(
                "TRADECORE_API_TOKEN",
                ServerFixture.TOKEN,
                "TRADECORE_CORS_ORIGIN",
                "http://localhost:3000"));
    assertThat(c.bind()).isEqualTo("127.0.0.1");
    assertThat(c.port()).isEqualTo(9090);
    assertThat(c.apiToken()).isEqualTo(ServerFixture.TOKEN);
    assertThat(c.allowedOrigin()).isEqualTo("http://localhost:3000");
    assertThat(c.toString()).doesNotContain(ServerFixture.TOKEN);
  }

  @Test
  void with_a_token_every_api_request_needs_it() throws Exception {
    try (ServerFixture f =
        ServerFixture.start(
            Dialect.SQLITE, ServerFixture.config().withApiToken(ServerFixture.TOKEN))) {
      Http anonymous = f.http(null);
      for (String path :
          new String[] {
            "/api/health",
            "/api/portfolios",
            "/api/portfolios/alpha",
            "/api/portfolios/alpha/positions",
            "/api/portfolios/alpha/plans",
            "/api/portfolios/alpha/orders",
            "/api/portfolios/alpha/fills",
            "/api/portfolios/alpha/runs",
            "/api/portfolios/alpha/equity",
            "/api/portfolios/alpha/days",
            "/api/portfolios/alpha/bars?symbol=ACME",
            "/api/portfolios/alpha/logs",
            "/api/portfolios/alpha/logs/2024-06-05",
            "/api/portfolios/alpha/llm/traces",
            "/api/portfolios/alpha/stream",
            "/api/runs",
            "/api/runs/ppo-a",
            "/api/run-actions/ppo-a"
          }) {
        Http.Response r = anonymous.get(path);
        assertThat(r.status()).as(path).isEqualTo(401);
        assertThat(r.json().get("error").asText()).contains("Authorization: Bearer");
      }
      assertThat(anonymous.get("/metrics").status()).isEqualTo(401);
      Http.Response wrong =
          anonymous.get("/api/portfolios", "Authorization", "Bearer not-the-token-at-all");
      assertThat(wrong.status()).isEqualTo(401);
      assertThat(wrong.json().get("error").asText()).isEqualTo("the API token is wrong");
      Http authorized = f.http(ServerFixture.TOKEN);
      assertThat(authorized.get("/api/portfolios").status()).isEqualTo(200);
      assertThat(authorized.get("/metrics").status()).isEqualTo(200);
      // The dashboard's files hold no data; a browser loads them before it has the token.
      Http.Response page = anonymous.get("/");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("<title>TradeCore</title>");
    }
  }

  @Test
  void the_token_is_needed_however_the_path_is_spelled() throws Exception {
    try (ServerFixture f =
        ServerFixture.start(
            Dialect.SQLITE, ServerFixture.config().withApiToken(ServerFixture.TOKEN))) {
      RawHttp raw = new RawHttp(f.server.port());
      String bearer = "Authorization: Bearer " + ServerFixture.TOKEN;
      for (String path :
          List.of(
              "/metrics/",
              "/metrics//",
              "//metrics",
              "/METRICS",
              "/Metrics/",
              "/%6Detrics",
              "/metrics;x",
              "/metrics/.",
              "/./metrics",
              "/css/../metrics",
              "/js/%2e%2e/metrics",
              "/api/portfolios/",
              "//api/portfolios",
              "/api//portfolios",
              "/API/portfolios",
              "/Api/Portfolios/",
              "/api/portfolios/alpha/",
              "/api/portfolios/alpha/fills/",
              "/api/%70ortfolios/alpha",
              "/api/portfolios%2Falpha",
              "/%2Fapi/portfolios",
              "/api/health/",
              "/api/runs/",
              "/webjars/../api/portfolios")) {
        for (String method : List.of("GET", "HEAD")) {
          RawHttp.Response r = raw.send(method, path);
          assertThat(r.status()).as(method + " " + path).isEqualTo(401);
          assertThat(r.body()).as(method + " " + path).doesNotContain("alpha", "tradecore_");
        }
      }
      // With the token, a spelling the router accepts answers as the plain path does.
      assertThat(raw.send("GET", "/metrics/", bearer).body()).contains("tradecore_fills");
      assertThat(raw.send("HEAD", "/metrics/", bearer).status()).isEqualTo(200);
      assertThat(raw.send("GET", "/api/portfolios/", bearer).body()).contains("alpha");
      // The dashboard's own files are open to anyone who can connect.
      for (String file : List.of("/", "/index.html", "/css/dashboard.css", "/js/app.js")) {
        assertThat(raw.send("GET", file).status()).as(file).isEqualTo(200);
        assertThat(raw.send("HEAD", file).status()).as(file).isEqualTo(200);
      }
    }
  }

  @Test
  void without_a_token_reads_are_open_and_writes_are_refused() throws Exception {
    try (ServerFixture f = ServerFixture.start(Dialect.SQLITE, ServerFixture.config())) {
      Http http = f.http(null);
      assertThat(http.get("/api/portfolios").status()).isEqualTo(200);
      Http.Response r =
          http.post("/api/portfolios/alpha/logs/2024-06-05/notes", "{\"text\": \"hello\"}");
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.json().get("error").asText()).contains("TRADECORE_API_TOKEN");
      // CORS is off: no browser origin is allowed.
      Http.Response cors = http.get("/api/portfolios", "Origin", "http://evil.example");
      assertThat(cors.header("Access-Control-Allow-Origin")).isNull();
    }
  }

  @Test
  void cors_allows_only_the_configured_origin() throws Exception {
    try (ServerFixture f =
        ServerFixture.start(
            Dialect.SQLITE,
            ServerFixture.config()
                .withApiToken(ServerFixture.TOKEN)
                .withAllowedOrigin("http://localhost:3000"))) {
      Http http = f.http(ServerFixture.TOKEN);
      Http.Response allowed = http.get("/api/portfolios", "Origin", "http://localhost:3000");
      assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
      Http.Response other = http.get("/api/portfolios", "Origin", "http://evil.example");
      assertThat(other.header("Access-Control-Allow-Origin")).isNull();
      // A preflight carries no token and must still be answered.
      HttpRequest preflight =
          f.http(null)
              .request("/api/portfolios")
              .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
              .header("Origin", "http://localhost:3000")
              .header("Access-Control-Request-Method", "GET")
              .header("Access-Control-Request-Headers", "authorization")
              .build();
      HttpResponse<String> answer =
          http.client().send(preflight, HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().firstValue("Access-Control-Allow-Origin"))
          .hasValue("http://localhost:3000");
      assertThat(answer.headers().firstValue("Access-Control-Allow-Headers"))
          .hasValue("authorization");
    }
  }
}
