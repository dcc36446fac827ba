package io.tradecore.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.insights.SampleRun;
import io.tradecore.store.Database;
import io.tradecore.store.Dialect;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Malformed API requests from a fixed seed (bad query parameters, odd paths and names, huge values,
 * unicode, control characters, encoded separators, wrong methods, broken note bodies): every answer
 * is a 4xx whose body is a one-line JSON error without a stack trace, and the database is
 * unchanged. The seed and the count fix the work, so the run is the same every time.
 */
class ApiFuzzTest {
  private static final long SEED = 20_2024L;
  private static final int REQUESTS = 2_500;
  private static final String RUN = "ppo/run-a";

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void malformed_requests_get_a_clean_4xx_and_change_nothing(Dialect dialect) throws Exception {
    try (ServerFixture f =
        ServerFixture.start(
            dialect,
            ServerFixture.config().withApiToken(ServerFixture.TOKEN),
            Map.of(),
            dir -> {
              SampleRun.write(dir.resolve("runs").resolve(RUN), 2_000, 2, 3);
              return List.of(dir.resolve("runs"));
            })) {
      Map<String, List<String>> before = snapshot(f.db);
      RawHttp raw = new RawHttp(f.server.port());
      Random random = new Random(SEED);
      Map<Integer, Integer> statuses = new TreeMap<>();
      for (int i = 0; i < REQUESTS; i++) {
        Request r = request(random);
        List<String> headers = new ArrayList<>(List.of("Accept: application/json"));
        if (random.nextInt(10) > 0) {
          headers.add("Authorization: Bearer " + ServerFixture.TOKEN);
        }
        if (r.body() != null) {
          headers.add("Content-Type: application/json");
        }
        RawHttp.Response answer =
            raw.exchange(
                r.method(),
                r.target(),
                "127.0.0.1:" + f.server.port(),
                headers,
                r.body() == null ? null : r.body().getBytes(StandardCharsets.UTF_8));
        check(r, answer);
        statuses.merge(answer.status(), 1, Integer::sum);
      }
      System.out.println("api fuzz on " + dialect + ": answers by status " + statuses);
      assertThat(snapshot(f.db)).isEqualTo(before);
    }
  }

  /** One request: method, target as sent, and a body (null for none). */
  record Request(String method, String target, String body) {}

  private static void check(Request r, RawHttp.Response answer) {
    String what = r.method() + " " + abbreviated(r.target());
    assertThat(answer.status()).as(what).isBetween(400, 499);
    assertThat(answer.header("Content-Type")).as(what).startsWith("application/json");
    if (r.method().equals("HEAD")) {
      return;
    }
    JsonNode json = answer.json();
    assertThat(json).as(what + " -> " + abbreviated(answer.body())).isNotNull();
    assertThat(json.isObject()).as(what).isTrue();
    String error = json.path("error").asText("");
    assertThat(error).as(what).isNotBlank().doesNotContainPattern("\\p{Cntrl}");
    assertThat(error.length()).as(what).isLessThan(600);
    assertThat(answer.body())
        .as(what)
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("<html");
  }

  // ---- what is sent: each value is one the parameter must refuse (none blank, which means absent,
  // and none a number any of the integer parameters accepts) ----

  private static final String[] BAD =
      new String[] {
        "-1",
        "1e3",
        "0x10",
        "NaN",
        "Infinity",
        "99999999999999999999999",
        "2147483648",
        "-2147483649",
        "9".repeat(400),
        "x".repeat(3_000),
        "2024-13-01",
        "2024-02-30",
        "0000-00-00",
        "+999999999-12-31",
        "2024-6-1",
        "２０２４-０６-０５",
        "١٢٣",
        "日本語",
        "emoji-\uD83D\uDCB8",
        "\u202Eevil",
        "a\u0000b",
        "line\nbreak",
        "esc\u001B[31m",
        "tab\tx",
        "../../etc/passwd",
        "..%2F..%2Fetc",
        "a/b",
        "a\\b",
        "' OR 1=1 --",
        "\"quoted\"",
        "<script>",
        "%",
        "%zz",
        "%u0041",
        "null",
        "[]",
        "{}",
        "true",
      };

  private static final String[] ODD_NAMES =
      new String[] {
        "zz-nope",
        "ALPHA",
        "alpha%20",
        "alpha%00",
        "%00",
        "%0A",
        "%2F",
        "%2e%2e",
        "..%2F..",
        "%5C",
        "%E2%80%AE",
        "%F0%9F%92%B8",
        "%C3%28",
        "%FF",
        "zz" + "n".repeat(2_000),
        "zz%20%20",
        "zz;x",
        "zz'--",
      };

  private static Request request(Random random) {
    return switch (random.nextInt(9)) {
      case 0, 1, 2 -> badParameter(random);
      case 3 -> oddPortfolio(random);
      case 4 -> badNote(random);
      case 5 -> badRunQuery(random);
      case 6 -> oddRun(random);
      case 7 -> unknownPath(random);
      default -> wrongMethod(random);
    };
  }

  private record Param(String path, String name) {}

  private static final List<Param> PARAMS =
      List.of(
          new Param("fills", "day"),
          new Param("fills", "limit"),
          new Param("fills", "offset"),
          new Param("fills", "order"),
          new Param("orders", "status"),
          new Param("orders", "limit"),
          new Param("orders", "offset"),
          new Param("orders", "order"),
          new Param("plans", "status"),
          new Param("equity", "from"),
          new Param("equity", "to"),
          new Param("days", "from"),
          new Param("days", "to"),
          new Param("bars?symbol=ACME", "from"),
          new Param("bars?symbol=ACME", "to"),
          new Param("bars?symbol=ACME", "limit"),
          new Param("bars", "symbol"),
          new Param("logs", "last"));

  /** One validated parameter of a portfolio endpoint with a value it must refuse. */
  private static Request badParameter(Random random) {
    Param p = PARAMS.get(random.nextInt(PARAMS.size()));
    String value = pick(random, BAD);
    if (p.name().equals("symbol")) {
      value = "zz" + value; // an unknown instrument: 404
    }
    String sep = p.path().contains("?") ? "&" : "?";
    String target =
        "/api/portfolios/alpha/" + p.path() + sep + p.name() + "=" + encode(random, value);
    return new Request(readMethod(random), target, null);
  }

  private static final String[] PORTFOLIO_PATHS = {
    "",
    "/positions",
    "/plans",
    "/orders",
    "/fills",
    "/runs",
    "/equity",
    "/days",
    "/bars?symbol=X",
    "/logs",
    "/logs/2024-06-05",
    "/stream"
  };

  /** A portfolio endpoint for a portfolio that does not exist. */
  private static Request oddPortfolio(Random random) {
    String name =
        random.nextBoolean() ? pick(random, ODD_NAMES) : "zz" + encode(random, pick(random, BAD));
    return new Request(
        readMethod(random), "/api/portfolios/" + name + pick(random, PORTFOLIO_PATHS), null);
  }

  private static final String[] NOTE_BODIES = {
    "",
    "not json",
    "{",
    "[]",
    "\"text\"",
    "42",
    "null",
    "{}",
    "{\"text\": \"\"}",
    "{\"text\": \"   \"}",
    "{\"text\": 12}",
    "{\"text\": null}",
    "{\"text\": [\"a\"]}",
    "{\"section\": \"diary\", \"text\": \"x\"}",
    "{\"section\": 3, \"text\": \"x\"}",
    "{\"section\": \"notes\", \"text\": \"" + "n".repeat(20_001) + "\"}",
    "{\"text\": \"x\"",
    "{\"text\": \"\\ud800\"}",
    "{\"text\": \"a\\u0000b\"}",
    "{\"text\": \"bell\\u0007\"}",
  };

  /** A note that must be refused: a bad day, an unknown portfolio or day, or a bad body. */
  private static Request badNote(Random random) {
    String portfolio = "alpha";
    String day = "2024-06-05";
    String body = pick(random, NOTE_BODIES);
    switch (random.nextInt(4)) {
      case 0 -> day = encode(random, pick(random, BAD));
      case 1 -> portfolio = pick(random, ODD_NAMES);
      case 2 -> {
        day = "1999-01-0" + (1 + random.nextInt(9)); // no log on that day
        body = "{\"section\": \"notes\", \"text\": \"fuzz\"}";
      }
      default -> {
        // the body is bad
      }
    }
    return new Request("POST", "/api/portfolios/" + portfolio + "/logs/" + day + "/notes", body);
  }

  private static final String[] RUN_PARAMS = {
    "metrics", "env", "max_points", "from_step", "to_step", "method"
  };

  /** A trace query with one parameter the trace or the query parser must refuse. */
  private static Request badRunQuery(Random random) {
    String param = pick(random, RUN_PARAMS);
    String value = pick(random, BAD);
    if (param.equals("from_step") || param.equals("to_step")) {
      value = random.nextBoolean() ? value + "x" : "-" + "9".repeat(30);
    }
    if (param.equals("metrics")) {
      value = "zz" + value;
    }
    if (param.equals("env")) {
      value = random.nextBoolean() ? "zz" + value : "77";
    }
    return new Request(
        readMethod(random),
        "/api/run-actions/" + RUN + "?" + param + "=" + encode(random, value),
        null);
  }

  /** A run name that is not a discovered run. */
  private static Request oddRun(Random random) {
    String[] names = {
      "../" + RUN,
      RUN + "/..",
      "%2E%2E/etc",
      "..%2F..%2Fetc%2Fpasswd",
      "/etc/passwd",
      "ppo",
      "ppo/zz",
      "zz" + pick(random, ODD_NAMES),
    };
    String prefix = random.nextBoolean() ? "/api/runs/" : "/api/run-actions/";
    return new Request(readMethod(random), prefix + pick(random, names), null);
  }

  /** A path that is no endpoint at all. */
  private static Request unknownPath(Random random) {
    String junk = encode(random, pick(random, BAD));
    String[] targets = {
      "/api/zz" + junk,
      "/api/portfolios/alpha/zz" + junk,
      "/api/portfolios/alpha/logs/2024-06-05/zz",
      "/zz" + junk,
      "/api/zz/" + "a/".repeat(random.nextInt(200)),
      "/api/zz?" + "p=" + "v".repeat(random.nextInt(30_000)),
      "/api/portfolios/alpha/fills?day=x" + "&day=2024-06-05".repeat(random.nextInt(2_000)),
      "/api/zz%2F..%2F..%2Fmetrics",
      "/api/zz/%2e%2e/%2e%2e/metrics",
      "/api/zz/../../etc/passwd",
    };
    return new Request(readMethod(random), pick(random, targets), null);
  }

  /** A write method on an endpoint that only reads, or a read on the note endpoint. */
  private static Request wrongMethod(Random random) {
    String[] methods = {"PUT", "DELETE", "PATCH", "POST"};
    String[] targets = {
      "/api/portfolios",
      "/api/portfolios/alpha",
      "/api/portfolios/alpha/fills",
      "/api/runs",
      "/api/health",
      "/metrics"
    };
    if (random.nextInt(4) == 0) {
      return new Request("GET", "/api/portfolios/alpha/logs/2024-06-05/notes", null);
    }
    return new Request(pick(random, methods), pick(random, targets), null);
  }

  private static String readMethod(Random random) {
    return random.nextInt(5) == 0 ? "HEAD" : "GET";
  }

  /**
   * Percent-encodes the value, or sends its characters raw when they can go into a target ('+' is
   * never sent raw: it would arrive as a space).
   */
  private static String encode(Random random, String value) {
    boolean raw =
        random.nextInt(4) == 0
            && value
                .chars()
                .allMatch(c -> c > 0x20 && c != 0x7f && c != '#' && c != '?' && c != '+');
    return raw ? value : URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static String abbreviated(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }

  // ---- the database before and after ----

  /** Every row of every table, as text, by table. */
  static Map<String, List<String>> snapshot(Database db) throws SQLException {
    return db.jdbi()
        .withHandle(
            h -> {
              Map<String, List<String>> tables = new TreeMap<>();
              DatabaseMetaData meta = h.getConnection().getMetaData();
              List<String> names = new ArrayList<>();
              try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                  String schema = rs.getString("TABLE_SCHEM");
                  if (schema == null || schema.equals("public")) {
                    names.add(rs.getString("TABLE_NAME"));
                  }
                }
              }
              for (String table : names) {
                List<String> rows =
                    h.createQuery("SELECT * FROM " + table)
                        .mapToMap()
                        .map(row -> new TreeMap<>(row).toString())
                        .list();
                tables.put(table, rows.stream().sorted().toList());
              }
              return tables;
            });
  }
}
