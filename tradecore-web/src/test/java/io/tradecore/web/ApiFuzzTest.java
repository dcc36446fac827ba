package io.tradecore.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.insights.SampleRun;
import io.tradecore.store.Database;
import io.tradecore.store.Dialect;
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
 * Malformed API requests ({@link MalformedRequests}) from a fixed seed (bad query parameters, odd
 * paths and names, huge values, unicode, control characters, encoded separators, wrong methods,
 * broken note bodies): every answer is a 4xx whose body is a one-line JSON error without a stack
 * trace, and the database is unchanged. The seed and the count fix the work, so the run is the same
 * every time.
 */
class ApiFuzzTest {
  private static final long SEED = 20_2024L;
  private static final int REQUESTS = 2_500;

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void malformed_requests_get_a_clean_4xx_and_change_nothing(Dialect dialect) throws Exception {
    try (ServerFixture f =
        ServerFixture.start(
            dialect,
            ServerFixture.config().withApiToken(ServerFixture.TOKEN),
            Map.of(),
            dir -> {
              SampleRun.write(dir.resolve("runs").resolve(MalformedRequests.RUN), 2_000, 2, 3);
              return List.of(dir.resolve("runs"));
            })) {
      Map<String, List<String>> before = snapshot(f.db);
      RawHttp raw = new RawHttp(f.server.port());
      Random random = new Random(SEED);
      Map<Integer, Integer> statuses = new TreeMap<>();
      for (int i = 0; i < REQUESTS; i++) {
        MalformedRequests.Request r = MalformedRequests.next(random);
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

  private static void check(MalformedRequests.Request r, RawHttp.Response answer) {
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

  // ---- the database before and after ----

  private static String abbreviated(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }

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
