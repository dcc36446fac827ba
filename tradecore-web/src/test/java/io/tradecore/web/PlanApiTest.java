package io.tradecore.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.store.Dialect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Opening, adjusting and closing a plan over the API, behind the token, on the seeded portfolio
 * "alpha" (ACME last at 111.00; plan-1 closed, plan-2 active, plan-3 pending), which no runner
 * trades: the server applies each request at once, through risk, and answers with its outcome.
 */
class PlanApiTest {
  static final String PLANS = "/api/portfolios/alpha/plans";
  ServerFixture fixture;
  Http http;

  @BeforeEach
  void start() throws Exception {
    fixture =
        ServerFixture.start(
            Dialect.SQLITE, ServerFixture.config().withApiToken(ServerFixture.TOKEN));
    http = fixture.http(ServerFixture.TOKEN);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private Long requests() {
    return fixture
        .db
        .jdbi()
        .withHandle(
            h -> h.createQuery("SELECT COUNT(*) FROM plan_requests").mapTo(Long.class).one());
  }

  private List<String> openPlans() {
    List<String> out = new ArrayList<>();
    for (JsonNode p : http.get(PLANS + "?status=open").json().get("plans")) {
      out.add(
          p.get("plan_id").asText()
              + " "
              + p.get("status").asText()
              + " stop "
              + p.get("stop").asText()
              + " target "
              + p.get("target").asText());
    }
    return out;
  }

  @Test
  void a_plan_is_opened_adjusted_and_closed_by_hand() {
    Http.Response opened =
        http.post(
            PLANS,
            "{\"symbol\": \"ACME\", \"side\": \"buy\", \"quantity\": \"3\", \"stop\": \"105\","
                + " \"target\": \"120\"}");
    assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    assertThat(opened.json().get("status").asText()).isEqualTo("ACCEPTED");
    assertThat(opened.json().get("plan_id").asText()).isEqualTo("plan-4");
    assertThat(opened.json().get("origin").asText()).isEqualTo("api");
    assertThat(openPlans())
        .contains("plan-4 PENDING stop 105 target 120", "plan-2 ACTIVE stop 100 target 130");

    Http.Response adjusted = http.post(PLANS + "/plan-4/adjust", "{\"target\": 125.5}");
    assertThat(adjusted.status()).as(adjusted.body()).isEqualTo(200);
    assertThat(openPlans()).contains("plan-4 PENDING stop 105 target 125.5");

    // A strategy's plan takes a hand too.
    Http.Response moved = http.post(PLANS + "/plan-2/adjust", "{\"stop\": \"104\"}");
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(openPlans()).contains("plan-2 ACTIVE stop 104 target 130");

    Http.Response closed = http.post(PLANS + "/plan-4/close", "");
    assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    assertThat(openPlans()).noneMatch(p -> p.startsWith("plan-4"));

    String id = closed.json().get("request_id").asText();
    JsonNode request = http.get("/api/portfolios/alpha/plan-requests/" + id).json();
    assertThat(request.get("kind").asText()).isEqualTo("CLOSE");
    assertThat(request.get("status").asText()).isEqualTo("ACCEPTED");
    assertThat(http.get("/api/portfolios/beta/plan-requests/" + id).status()).isEqualTo(404);
    List<String> latest = new ArrayList<>();
    for (JsonNode r :
        http.get("/api/portfolios/alpha/plan-requests?last=3").json().get("requests")) {
      latest.add(r.get("kind").asText() + " " + r.get("plan_id").asText());
    }
    assertThat(latest)
        .as("newest first")
        .containsExactly("CLOSE plan-4", "ADJUST plan-2", "ADJUST plan-4");
  }

  @Test
  void a_request_beyond_the_cash_is_refused_with_a_422_naming_the_cap() {
    Http.Response r =
        http.post(PLANS, "{\"symbol\": \"ACME\", \"side\": \"buy\", \"quantity\": \"100000\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.json().get("status").asText()).isEqualTo("REFUSED");
    assertThat(r.json().get("error").asText()).contains("cap available_cash");
    assertThat(openPlans()).hasSize(2);
  }

  @Test
  void bad_requests_are_400s_naming_the_field_and_queue_nothing() {
    String[][] cases = {
      {PLANS, "{\"symbol\": \"NOPE\", \"side\": \"buy\", \"quantity\": \"1\"}", "symbol"},
      {PLANS, "{\"symbol\": \"ACME\", \"side\": \"buy\", \"quantity\": \"0\"}", "quantity"},
      {PLANS, "{\"symbol\": \"ACME\", \"side\": \"buy\"}", "quantity"},
      {PLANS, "{\"symbol\": \"ACME\", \"side\": \"hold\", \"quantity\": \"1\"}", "side"},
      {PLANS, "{\"symbol\": \"ACME\", \"side\": \"buy\", \"quantity\": \"x\"}", "quantity"},
      {
        PLANS,
        "{\"symbol\": \"ACME\", \"side\": \"buy\", \"quantity\": \"1\", \"stop\": \"115\"}",
        "stop"
      },
      {PLANS + "/plan-99/adjust", "{\"stop\": \"90\"}", "plan"},
      {PLANS + "/plan-1/close", "", "plan"},
      {PLANS, "not json", "body"},
    };
    for (String[] c : cases) {
      Http.Response r = http.post(c[0], c[1]);
      assertThat(r.status()).as(c[0] + " " + c[1] + ": " + r.body()).isEqualTo(400);
      assertThat(r.json().get("parameter").asText()).as(c[1]).isEqualTo(c[2]);
    }
    assertThat(http.post(PLANS + "/plan-1/close", "").json().get("error").asText())
        .isEqualTo("plan plan-1 is closed: only an open plan can be changed");
    assertThat(requests()).isZero();
  }

  @Test
  void without_the_token_a_request_is_a_401_and_queues_nothing() {
    Http.Response r =
        fixture
            .http(null)
            .post(PLANS, "{\"symbol\": \"ACME\", \"side\": \"buy\", \"quantity\": \"1\"}");
    assertThat(r.status()).isEqualTo(401);
    assertThat(requests()).isZero();
  }
}
