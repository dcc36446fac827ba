package io.tradecore.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Malformed API requests for {@link ApiFuzzTest}: each one something the server must refuse with a
 * 4xx (a value its parameter refuses, none blank, which means absent, and none a number an integer
 * parameter accepts; a portfolio, run or path that does not exist; a wrong method; a note body that
 * is not a valid note), built from the given random source so a seed fixes the sequence.
 */
final class MalformedRequests {
  /** The run the fixture's run root holds. */
  static final String RUN = "ppo/run-a";

  private MalformedRequests() {}

  /** One request: method, target as sent, and a body (null for none). */
  record Request(String method, String target, String body) {}

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

  /** The next malformed request. */
  static Request next(Random random) {
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
          new Param("logs", "last"),
          new Param("llm/traces", "day"),
          new Param("llm/traces", "last"));

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
    "/llm/traces",
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
}
