package io.tradecore.runner.llm;

import io.tradecore.core.calendar.TradingCalendars;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import io.tradecore.core.engine.PortfolioStrategy;
import io.tradecore.llm.LlmConfig;
import io.tradecore.llm.LlmDecider;
import io.tradecore.llm.cost.SpendingCap;
import io.tradecore.llm.strategy.LlmSetup;
import io.tradecore.llm.strategy.LlmStrategy;
import io.tradecore.runner.RunStrategy;
import io.tradecore.runner.config.PortfolioSettings;
import io.tradecore.runner.notify.Notifications;
import io.tradecore.store.Database;
import io.tradecore.store.Fence;
import io.tradecore.store.LlmTraceRepository;
import io.tradecore.store.PortfolioRecord;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The LLM strategy of one durable run ({@code run --strategy llm}): its spending cap resumes from
 * what the store says the portfolio has spent, its questions are stored with the run ({@link
 * StoreTraces}), and its decider's thread ends with {@link #close}. One per runner.
 */
public final class LlmRun implements RunStrategy, AutoCloseable {
  private final Database db;
  private final PortfolioRecord record;
  private final PortfolioSettings settings;
  private final LlmConfig config;
  private final String botVersion;
  private final Clock clock;
  private final Notifications notifications;
  private LlmDecider decider;

  /**
   * @throws IllegalStateException naming every llm setting still missing
   */
  public LlmRun(
      Database db,
      PortfolioRecord record,
      PortfolioSettings settings,
      LlmConfig config,
      String botVersion,
      Clock clock) {
    this(db, record, settings, config, botVersion, clock, Notifications.none());
  }

  /**
   * As above, with the cap's stops told through {@code notifications}.
   *
   * @throws IllegalStateException naming every llm setting still missing
   */
  public LlmRun(
      Database db,
      PortfolioRecord record,
      PortfolioSettings settings,
      LlmConfig config,
      String botVersion,
      Clock clock,
      Notifications notifications) {
    this.notifications = notifications;
    this.db = db;
    this.record = record;
    this.settings = settings;
    this.config = config.requireReady();
    this.botVersion = botVersion;
    this.clock = clock;
  }

  @Override
  public PortfolioStrategy open(RunId run, Fence fence) {
    PortfolioId p = record.id();
    LlmTraceRepository traces = new LlmTraceRepository();
    Map<LocalDate, BigDecimal> byDay = new HashMap<>();
    Map<String, BigDecimal> byVersion = new HashMap<>();
    BigDecimal total = BigDecimal.ZERO;
    for (LlmTraceRepository.Spend s : db.jdbi().withHandle(h -> traces.spend(h, p))) {
      byDay.merge(LocalDate.parse(s.day()), s.cost(), BigDecimal::add);
      byVersion.merge(s.botVersion(), s.cost(), BigDecimal::add);
      total = total.add(s.cost());
    }
    SpendingCap cap =
        SpendingCap.resume(
            config.maxCost(), config.maxCostPerDay(), record.baseCurrency(), total, byDay);
    close();
    decider = LlmDecider.openAi(config, cap, clock);
    return new LlmStrategy(
        config,
        decider,
        cap,
        new LlmSetup(
            p,
            run,
            botVersion,
            record.baseCurrency(),
            settings.timeZone(),
            TradingCalendars.of(settings.calendar()),
            settings.caps().toRiskLimits(),
            false,
            LlmSetup.DEFAULT_FEE_MARGIN,
            LlmSetup.DEFAULT_BARS_SHOWN,
            byVersion),
        new StoreTraces(db, fence, p, run, notifications, clock),
        clock);
  }

  /** Ends the decider's thread; questions not yet answered are dropped (and asked never again). */
  @Override
  public void close() {
    if (decider != null) {
      decider.close();
      decider = null;
    }
  }
}
