package io.tradecore.alpaca;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.core.domain.ClientOrderId;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Alpaca's Trading API v2 and the bars of its Market Data API v2 over the JDK HttpClient: account,
 * clock, assets, orders (simple, bracket, OCO), replace, cancel, positions, FILL activities and
 * bars, with paging. Every request has a timeout, shares one rate limiter, and is retried only
 * where that cannot double an order. Thread-safe.
 */
public final class AlpacaClient implements AutoCloseable {
  /** The most activities Alpaca returns in one page. */
  public static final int MAX_ACTIVITY_PAGE = 100;

  private final AlpacaConfig config;
  private final HttpClient http;
  private final RestTransport rest;
  private final OrderSubmission submission;
  private final BarRequests bars;

  private AlpacaClient(Builder b) {
    this.config = b.config;
    this.http =
        b.http != null
            ? b.http
            : HttpClient.newBuilder()
                .connectTimeout(b.policy.connectTimeout())
                // One keep-alive connection, one request at a time: HTTP/2 gains nothing here,
                // and asking for it sends an h2c upgrade on every new plain-HTTP connection.
                .version(HttpClient.Version.HTTP_1_1)
                // The client's own steps run on the thread that sends, or on its selector thread
                // for the answer, instead of hopping onto a pool's thread each way (the body
                // handlers used, strings and discards, never block).
                .executor(Runnable::run)
                .build();
    RateLimiter limiter =
        new RateLimiter(b.clock, b.policy.requestsPerMinute(), b.policy.maxRateLimitWait());
    Backoff backoff = new Backoff(b.policy.baseDelay(), b.policy.maxDelay(), b.random);
    this.rest = new RestTransport(http, config, b.policy, limiter, backoff, b.sleeper);
    this.submission = new OrderSubmission(rest, b.policy, this::orderByClientOrderId);
    this.bars = new BarRequests(rest, config);
  }

  /** A client with the default policy, the wall clock and real sleeps. */
  public static AlpacaClient create(AlpacaConfig config) {
    return builder(config).build();
  }

  public static Builder builder(AlpacaConfig config) {
    return new Builder(config);
  }

  public AlpacaConfig config() {
    return config;
  }

  /** {@code GET /v2/account}. */
  public Account account() {
    return get(trading("/v2/account").uri(), Account.class, "account");
  }

  /** {@code GET /v2/clock}: whether the market is open, and when it next opens and closes. */
  public MarketClock clock() {
    return get(trading("/v2/clock").uri(), MarketClock.class, "clock");
  }

  /** {@code GET /v2/assets}: the active US equities. */
  public List<Asset> assets() {
    URI uri =
        trading("/v2/assets").param("status", "active").param("asset_class", "us_equity").uri();
    return list(uri, Asset.class, "assets");
  }

  /** {@code GET /v2/assets/{symbol}}. */
  public Asset asset(String symbol) {
    return get(
        trading("/v2/assets/" + Query.segment(symbol)).uri(), Asset.class, "asset " + symbol);
  }

  /**
   * {@code POST /v2/orders}. A lost answer (timeout, dropped connection, 5xx) is resolved by
   * looking the order up by its client order id; it is resent only if Alpaca does not have it.
   *
   * @throws BrokerRejection when Alpaca refuses the order (e.g. 403 insufficient buying power)
   * @throws BrokerUnavailable when no attempt got through, or the outcome could not be looked up
   */
  public Order submitOrder(OrderRequest request) {
    return submission.submit(trading("/v2/orders").uri(), request);
  }

  /** {@code GET /v2/orders:by_client_order_id}: the order under {@code id}, if Alpaca has one. */
  public Optional<Order> orderByClientOrderId(ClientOrderId id) {
    URI uri = trading("/v2/orders:by_client_order_id").param("client_order_id", id.value()).uri();
    RestTransport.Response r =
        rest.idempotent("GET /v2/orders:by_client_order_id", "GET", uri, null);
    if (r.status() == 404) {
      return Optional.empty();
    }
    if (!r.ok()) {
      throw rest.rejection("lookup of order " + id, r);
    }
    return Optional.of(Json.read(r.body(), Order.class, "order " + id));
  }

  /** {@code GET /v2/orders/{id}}. */
  public Order order(String orderId) {
    return get(
        trading("/v2/orders/" + Query.segment(orderId)).param("nested", true).uri(),
        Order.class,
        "order " + orderId);
  }

  /** {@code GET /v2/orders?status=open}: working orders, bracket and OCO legs nested. */
  public List<Order> openOrders() {
    URI uri =
        trading("/v2/orders")
            .param("status", "open")
            .param("nested", true)
            .param("limit", 500)
            .param("direction", "asc")
            .uri();
    return list(uri, Order.class, "open orders");
  }

  /**
   * {@code PATCH /v2/orders/{id}}: replaces a working order; returns the replacing order. A lost
   * answer is resolved by the replacement's client order id, like a submission.
   */
  public Order replaceOrder(String orderId, ReplaceRequest request) {
    return submission.replace(
        trading("/v2/orders/" + Query.segment(orderId)).uri(), orderId, request);
  }

  /**
   * {@code DELETE /v2/orders/{id}}: requests a cancel (confirmed later by a {@code canceled}
   * event). Safe to repeat: a retry that finds the order already cancelled succeeds.
   *
   * @throws BrokerRejection when the order cannot be cancelled (e.g. it has filled)
   */
  public void cancelOrder(String orderId) {
    URI uri = trading("/v2/orders/" + Query.segment(orderId)).uri();
    RestTransport.Response r = rest.idempotent("DELETE /v2/orders/" + orderId, "DELETE", uri, null);
    if (r.ok()) {
      return;
    }
    if (r.status() == 422) {
      Order now = order(orderId);
      if (now.status() == OrderStatus.CANCELED || now.status() == OrderStatus.PENDING_CANCEL) {
        return;
      }
    }
    throw rest.rejection("cancel of order " + orderId, r);
  }

  /** {@code GET /v2/positions}. */
  public List<Position> positions() {
    return list(trading("/v2/positions").uri(), Position.class, "positions");
  }

  /**
   * One page of {@code GET /v2/account/activities/FILL}, oldest first: the fills after activity
   * {@code cursor}, or, with no cursor, those after {@code after} (both may be null).
   */
  public List<FillActivity> fillActivities(String cursor, Instant after, int pageSize) {
    if (pageSize < 1 || pageSize > MAX_ACTIVITY_PAGE) {
      throw new IllegalArgumentException(
          "page size must be 1-" + MAX_ACTIVITY_PAGE + " but was " + pageSize);
    }
    Query query =
        trading("/v2/account/activities/FILL")
            .param("direction", "asc")
            .param("page_size", pageSize)
            .param("page_token", cursor);
    if (cursor == null) {
      query.param("after", after);
    }
    return list(query.uri(), FillActivity.class, "fill activities");
  }

  /**
   * Every fill after activity {@code cursor} (or after {@code after} when there is no cursor),
   * oldest first, across pages; store the last one's id as the next cursor.
   */
  public List<FillActivity> fillsAfter(String cursor, Instant after) {
    List<FillActivity> all = new ArrayList<>();
    String token = cursor;
    while (true) {
      List<FillActivity> page = fillActivities(token, after, MAX_ACTIVITY_PAGE);
      all.addAll(page);
      if (page.size() < MAX_ACTIVITY_PAGE) {
        return all;
      }
      token = page.getLast().id();
    }
  }

  /** {@code GET /v2/stocks/bars}: one page of bars of several symbols. */
  public BarPage bars(
      List<String> symbols, BarTimeframe timeframe, Instant start, Instant end, String pageToken) {
    return bars.page(symbols, timeframe, start, end, pageToken);
  }

  /**
   * Every bar of {@code symbols} in {@code [start, end]}, across pages, per symbol in time order.
   */
  public java.util.Map<String, List<StockBar>> allBars(
      List<String> symbols, BarTimeframe timeframe, Instant start, Instant end) {
    return bars.all(symbols, timeframe, start, end);
  }

  @Override
  public void close() {
    http.close();
  }

  private Query trading(String path) {
    return Query.of(config.tradingUrl(), path);
  }

  private <T> T get(URI uri, Class<T> type, String what) {
    RestTransport.Response r = rest.idempotent("GET " + uri.getPath(), "GET", uri, null);
    if (!r.ok()) {
      throw rest.rejection(what, r);
    }
    return Json.read(r.body(), type, what);
  }

  private <T> List<T> list(URI uri, Class<T> type, String what) {
    RestTransport.Response r = rest.idempotent("GET " + uri.getPath(), "GET", uri, null);
    if (!r.ok()) {
      throw rest.rejection(what, r);
    }
    JsonNode node = Json.tree(r.body(), what);
    if (node.isNull() || node.isMissingNode()) {
      return List.of();
    }
    JavaType listType = Json.MAPPER.getTypeFactory().constructCollectionType(List.class, type);
    try {
      return Json.MAPPER.convertValue(node, listType);
    } catch (IllegalArgumentException e) {
      throw new AlpacaException(what + ": cannot read Alpaca's answer: " + e.getMessage());
    }
  }

  /** Sets up an {@link AlpacaClient}; tests inject the clock, sleeper and random source. */
  public static final class Builder {
    private final AlpacaConfig config;
    private RetryPolicy policy = RetryPolicy.DEFAULT;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private RandomGenerator random = RandomGenerator.getDefault();
    private HttpClient http;

    private Builder(AlpacaConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    public Builder policy(RetryPolicy policy) {
      this.policy = Objects.requireNonNull(policy);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper);
      return this;
    }

    /** The jitter source of the backoff. */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random);
      return this;
    }

    public Builder httpClient(HttpClient http) {
      this.http = Objects.requireNonNull(http);
      return this;
    }

    public AlpacaClient build() {
      return new AlpacaClient(this);
    }
  }
}
