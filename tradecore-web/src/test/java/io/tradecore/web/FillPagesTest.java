package io.tradecore.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.store.Dialect;
import io.tradecore.store.PortfolioRepository;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pages of fills are rendered once and served again until a fill arrives: a page asked for again
 * after another writer commits a fill shows that fill, and its total counts it.
 */
class FillPagesTest {
  ServerFixture fixture;
  Http http;

  @BeforeEach
  void start() throws Exception {
    fixture = ServerFixture.start(Dialect.SQLITE, ServerFixture.config());
    http = fixture.http(null);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  JsonNode get(String path) {
    Http.Response r = http.get(path);
    assertThat(r.status()).as(path + " -> " + r.body()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("application/json");
    return r.json();
  }

  @Test
  void a_page_asked_for_again_after_a_new_fill_shows_it() {
    String newest = "/api/portfolios/alpha/fills?limit=2";
    String day = "/api/portfolios/alpha/fills?day=2024-06-13";
    String oldest = "/api/portfolios/alpha/fills?order=asc&limit=2";
    JsonNode before = get(newest);
    assertThat(get(newest)).isEqualTo(before);
    long total = before.get("total").asLong();
    assertThat(get(day).get("total").asLong()).isZero();
    JsonNode oldestBefore = get(oldest);

    insertFill("LATE-1", "2024-06-13T00:00:00Z");

    JsonNode after = get(newest);
    assertThat(after.get("total").asLong()).isEqualTo(total + 1);
    assertThat(after.get("items").get(0).get("trade_id").asText()).isEqualTo("LATE-1");
    assertThat(after.get("items").get(1)).isEqualTo(before.get("items").get(0));
    JsonNode thatDay = get(day);
    assertThat(thatDay.get("total").asLong()).isEqualTo(1);
    assertThat(thatDay.get("items").get(0).get("trade_id").asText()).isEqualTo("LATE-1");
    JsonNode oldestAfter = get(oldest);
    assertThat(oldestAfter.get("items")).isEqualTo(oldestBefore.get("items"));
    assertThat(oldestAfter.get("total").asLong()).isEqualTo(total + 1);
  }

  private void insertFill(String tradeId, String time) {
    PortfolioId alpha =
        fixture.db.jdbi().withHandle(h -> new PortfolioRepository().byName(h, "alpha")).get().id();
    Seed.importFill(fixture.db, alpha, tradeId, Instant.parse(time));
  }
}
