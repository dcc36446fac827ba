package io.tradecore.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.tradecore.core.domain.Side;
import io.tradecore.runner.PlanDesk;
import io.tradecore.runner.RunnerOptions;
import io.tradecore.runner.config.TradeCoreConfig;
import io.tradecore.store.Database;
import io.tradecore.store.PlanRequestRepository.Request;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.web.ApiException;
import io.tradecore.web.Params;
import io.tradecore.web.PortfolioLookup;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A trader's hand on a portfolio's plans over the API (writes: the token is needed): open, adjust
 * and close a plan, and look up a request. Each request goes through the portfolio's durable inbox
 * as {@code tradecore plan} does: the runner holding the portfolio applies it through risk on its
 * next loop turn, or, when none holds it, this server applies it by taking the lease for a moment.
 * The answer waits for the outcome up to {@code ?wait=} seconds (default 10, at most 30): 200 with
 * the request when accepted, 422 when refused (its {@code reason}), 202 while still queued; 400
 * names the field that is wrong.
 */
public final class PlanApi {
  static final int DEFAULT_WAIT = 10;
  static final int MAX_WAIT = 30;

  private final Database db;
  private final PortfolioLookup lookup;
  private final TradeCoreConfig config;
  private final Map<String, String> env;
  private final Clock clock;
  private final ObjectMapper json;

  public PlanApi(
      Database db,
      PortfolioLookup lookup,
      TradeCoreConfig config,
      Map<String, String> env,
      Clock clock,
      ObjectMapper json) {
    this.db = db;
    this.lookup = lookup;
    this.config = config;
    this.env = env;
    this.clock = clock;
    this.json = json;
  }

  /** POST /api/portfolios/{name}/plans {symbol, side, quantity, stop?, target?} */
  public void open(Context ctx) {
    JsonNode body = body(ctx);
    String symbol = text(body, "symbol");
    String sideText = text(body, "side");
    Side side =
        switch (sideText == null ? "" : sideText.toLowerCase(Locale.ROOT)) {
          case "buy" -> Side.BUY;
          case "sell" -> Side.SELL;
          default -> throw ApiException.badParameter("side", "side must be buy or sell");
        };
    BigDecimal quantity = decimal(body, "quantity");
    BigDecimal stop = decimal(body, "stop");
    BigDecimal target = decimal(body, "target");
    submit(ctx, desk -> desk.open(symbol, side, quantity, stop, target, "api"));
  }

  /** POST /api/portfolios/{name}/plans/{plan}/adjust {stop?, target?} */
  public void adjust(Context ctx) {
    JsonNode body = body(ctx);
    BigDecimal stop = decimal(body, "stop");
    BigDecimal target = decimal(body, "target");
    String plan = ctx.pathParam("plan");
    submit(ctx, desk -> desk.adjust(plan, stop, target, "api"));
  }

  /** POST /api/portfolios/{name}/plans/{plan}/close */
  public void close(Context ctx) {
    String plan = ctx.pathParam("plan");
    submit(ctx, desk -> desk.close(plan, "api"));
  }

  /** GET /api/portfolios/{name}/plan-requests?last= : the latest requests, newest first. */
  public void requests(Context ctx) {
    int last = Params.integer(ctx, "last", 20, 1, 1000);
    PortfolioRecord record = lookup.find(ctx);
    PlanDesk desk = new PlanDesk(db, record, clock);
    ctx.json(Map.of("requests", desk.latest(last).stream().map(PlanDesk::json).toList()));
  }

  /** GET /api/portfolios/{name}/plan-requests/{id} */
  public void request(Context ctx) {
    PortfolioRecord record = lookup.find(ctx);
    PlanDesk desk = new PlanDesk(db, record, clock);
    Request r;
    try {
      r = desk.find(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound(e.getMessage());
    }
    if (!r.portfolio().equals(record.id())) {
      throw ApiException.notFound("portfolio " + record.name() + " has no plan request " + r.id());
    }
    ctx.json(PlanDesk.json(r));
  }

  private void submit(Context ctx, Function<PlanDesk, Request> make) {
    int wait = Params.integer(ctx, "wait", DEFAULT_WAIT, 0, MAX_WAIT);
    PortfolioRecord record = lookup.find(ctx);
    PlanDesk desk = new PlanDesk(db, record, clock);
    Request queued;
    try {
      queued = make.apply(desk);
    } catch (PlanDesk.InvalidRequest e) {
      throw ApiException.badParameter(e.option(), e.getMessage());
    }
    Request done =
        desk.await(
            queued.id(),
            Duration.ofSeconds(wait),
            PlanDesk.opener(
                db,
                record,
                config,
                env,
                RunnerOptions.localHost(),
                ProcessHandle.current().pid(),
                clock));
    Map<String, Object> out = PlanDesk.json(done);
    switch (done.status()) {
      case ACCEPTED -> ctx.status(200);
      case REFUSED -> {
        ctx.status(422);
        out.put("error", done.reason());
      }
      case PENDING -> ctx.status(202);
    }
    ctx.json(out);
  }

  private JsonNode body(Context ctx) {
    String text = ctx.body();
    if (text.isBlank()) {
      return json.createObjectNode();
    }
    try {
      JsonNode node = json.readTree(text);
      if (node == null || !node.isObject()) {
        throw ApiException.badParameter("body", "the body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ApiException.badParameter("body", "the body is not valid JSON");
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw ApiException.badParameter(field, field + " must be a string");
    }
    return node.asText();
  }

  /** A decimal given as a string ("95.50") or a number; null when absent. */
  private static BigDecimal decimal(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    try {
      if (node.isTextual()) {
        return new BigDecimal(node.asText().strip());
      }
      if (node.isNumber()) {
        return new BigDecimal(node.asText());
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.badParameter(field, field + " must be a decimal number, such as \"95.50\"");
  }
}
