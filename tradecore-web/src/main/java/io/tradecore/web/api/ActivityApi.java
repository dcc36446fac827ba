package io.tradecore.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.store.Database;
import io.tradecore.store.InstrumentRepository;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.RunRepository;
import io.tradecore.store.query.FillQueries;
import io.tradecore.store.query.OrderQueries;
import io.tradecore.store.query.PlanQueries;
import io.tradecore.store.query.SeqCache;
import io.tradecore.web.Params;
import io.tradecore.web.PortfolioLookup;
import io.tradecore.web.ledger.LedgerCache;
import io.tradecore.web.ledger.LedgerState;
import io.tradecore.web.view.Body;
import io.tradecore.web.view.FillView;
import io.tradecore.web.view.OrderView;
import io.tradecore.web.view.Page;
import io.tradecore.web.view.PlanView;
import io.tradecore.web.view.RunView;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** What a portfolio did: its plans, orders, fills (paged and filtered) and runs. */
public final class ActivityApi {
  /** Values of {@code status} on /plans. */
  static final List<String> PLAN_STATUSES =
      List.of("open", "all", "PENDING", "ACTIVE", "CLOSED", "CANCELLED");

  /** Values of {@code status} on /orders. */
  static final List<String> ORDER_STATUSES =
      List.of("all", "WORKING", "FILLED", "CANCELLED", "EXPIRED", "REFUSED");

  static final List<String> ORDERS = List.of("desc", "asc");
  static final int MAX_LIMIT = 1000;
  static final int DEFAULT_LIMIT = 100;

  /** How many fill counts are kept. */
  static final int CACHED_FILL_COUNTS = 256;

  /** How many rendered fill pages are kept (a page of 1,000 fills is about 300 KB). */
  static final int CACHED_FILL_PAGES = 64;

  private final Database db;
  private final PortfolioLookup lookup;
  private final LedgerCache ledgers;
  private final ObjectMapper json;
  private final PlanQueries plans = new PlanQueries();
  private final OrderQueries orders = new OrderQueries();
  private final FillQueries fills = new FillQueries();
  // Counting 100,000 fills costs more than reading a page of them, and a dashboard asks for the
  // same few pages again and again: both are kept until a new fill arrives.
  private final SeqCache<CountKey, Long> fillCounts = new SeqCache<>(CACHED_FILL_COUNTS);
  private final SeqCache<PageKey, byte[]> fillPages = new SeqCache<>(CACHED_FILL_PAGES);
  private final RunRepository runs = new RunRepository();
  private final InstrumentRepository instruments = new InstrumentRepository();

  private record CountKey(PortfolioId portfolio, FillQueries.Filter filter) {}

  private record PageKey(
      PortfolioId portfolio,
      ZoneId zone,
      FillQueries.Filter filter,
      int limit,
      int offset,
      boolean newestFirst) {}

  public ActivityApi(Database db, PortfolioLookup lookup, LedgerCache ledgers, ObjectMapper json) {
    this.db = db;
    this.lookup = lookup;
    this.ledgers = ledgers;
    this.json = json;
  }

  /** GET /api/portfolios/{name}/plans?status=open|all|PENDING|ACTIVE|CLOSED|CANCELLED */
  public void plans(Context ctx) {
    String status = Params.choice(ctx, "status", "all", PLAN_STATUSES);
    List<String> statuses =
        switch (status) {
          case "open" -> List.of("PENDING", "ACTIVE");
          case "all" -> List.of("PENDING", "ACTIVE", "CLOSED", "CANCELLED");
          default -> List.of(status);
        };
    PortfolioRecord record = lookup.find(ctx);
    List<PlanView> out =
        db.jdbi()
            .withHandle(
                h -> {
                  Map<String, Instrument> known = instruments.all(h);
                  LedgerState state = ledgers.current(h, record);
                  return plans.withStatus(h, record.id(), statuses).stream()
                      .map(
                          r -> PlanView.of(r, known.get(r.symbol()), state.marks().get(r.symbol())))
                      .toList();
                });
    ctx.json(Body.of("status", status, "plans", out));
  }

  /** GET /api/portfolios/{name}/orders?status=&limit=&offset=&order= */
  public void orders(Context ctx) {
    String status = Params.choice(ctx, "status", "all", ORDER_STATUSES);
    int limit = Params.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    boolean newestFirst = Params.choice(ctx, "order", "desc", ORDERS).equals("desc");
    String filter = status.equals("all") ? null : status;
    PortfolioRecord record = lookup.find(ctx);
    Page<OrderView> page =
        db.jdbi()
            .withHandle(
                h ->
                    new Page<>(
                        orders.count(h, record.id(), filter),
                        limit,
                        offset,
                        orders.page(h, record.id(), filter, limit, offset, newestFirst).stream()
                            .map(OrderView::of)
                            .toList()));
    ctx.json(page);
  }

  /** GET /api/portfolios/{name}/fills?day=&run=&bot_version=&limit=&offset=&order= */
  public void fills(Context ctx) {
    LocalDate day = Params.day(ctx, "day");
    String run = Params.text(ctx, "run");
    String version = Params.text(ctx, "bot_version");
    int limit = Params.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    boolean newestFirst = Params.choice(ctx, "order", "desc", ORDERS).equals("desc");
    PortfolioRecord record = lookup.find(ctx);
    ZoneId zone = ZoneId.of(record.timeZone());
    FillQueries.Filter filter =
        day == null
            ? new FillQueries.Filter(null, null, null, run, version)
            : new FillQueries.Filter(
                day.atStartOfDay(zone).toInstant().toEpochMilli(),
                day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli(),
                day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
                run,
                version);
    PageKey key = new PageKey(record.id(), zone, filter, limit, offset, newestFirst);
    byte[] body =
        db.jdbi()
            .withHandle(
                h -> {
                  long seq = fills.maxSeq(h, record.id());
                  return fillPages.get(key, seq, () -> json(fillPage(h, key, seq)));
                });
    ctx.contentType("application/json").result(body);
  }

  private Page<FillView> fillPage(Handle h, PageKey k, long seq) {
    long total =
        fillCounts.get(
            new CountKey(k.portfolio(), k.filter()),
            seq,
            () -> fills.count(h, k.portfolio(), k.filter()));
    return new Page<>(
        total,
        k.limit(),
        k.offset(),
        fills.page(h, k.portfolio(), k.filter(), k.limit(), k.offset(), k.newestFirst()).stream()
            .map(r -> FillView.of(r, k.zone()))
            .toList());
  }

  private byte[] json(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  /** GET /api/portfolios/{name}/runs */
  public void runs(Context ctx) {
    PortfolioRecord record = lookup.find(ctx);
    List<RunView> out =
        db.jdbi().withHandle(h -> runs.all(h, record.id())).stream().map(RunView::of).toList();
    ctx.json(Map.of("runs", out));
  }
}
