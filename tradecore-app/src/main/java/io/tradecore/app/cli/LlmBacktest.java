package io.tradecore.app.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tradecore.backtest.BacktestResult;
import io.tradecore.backtest.BacktestSpec;
import io.tradecore.core.calendar.TradingCalendars;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import io.tradecore.core.engine.PortfolioStrategy;
import io.tradecore.llm.LlmConfig;
import io.tradecore.llm.LlmDecider;
import io.tradecore.llm.LlmTrace;
import io.tradecore.llm.Outcome;
import io.tradecore.llm.TrainingCutoff;
import io.tradecore.llm.cost.SpendingCap;
import io.tradecore.llm.strategy.LlmSetup;
import io.tradecore.llm.strategy.LlmStrategy;
import io.tradecore.llm.strategy.MemoryTraces;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code backtest --strategy llm}: the LLM strategy over the backtest's bars, with the {@code llm:}
 * settings of the configuration. Its questions are kept in memory, summed up after the run, and
 * written to the run folder as {@code llm-traces.jsonl}. Not thread-safe; one per backtest.
 */
final class LlmBacktest implements AutoCloseable {
  static final String TRACES_FILE = "llm-traces.jsonl";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final LlmConfig config;
  private final SpendingCap cap;
  private final LlmDecider decider;
  private final MemoryTraces traces = new MemoryTraces();
  private final List<LlmStrategy> strategies = new ArrayList<>();
  private final BacktestSpec spec;
  private final String currency;
  private final Clock clock;

  /**
   * @throws IllegalStateException naming every llm setting still missing
   */
  LlmBacktest(LlmConfig config, BacktestSpec spec, String currency, Clock clock) {
    this.config = config.requireReady();
    this.spec = spec;
    this.currency = currency;
    this.clock = clock;
    this.cap = SpendingCap.of(config.maxCost(), config.maxCostPerDay(), currency);
    this.decider = LlmDecider.openAi(config, cap, clock);
  }

  Supplier<PortfolioStrategy> strategies() {
    return () -> {
      LlmStrategy s =
          new LlmStrategy(
              config,
              decider,
              cap,
              new LlmSetup(
                  new PortfolioId("backtest"),
                  new RunId("backtest-" + clock.instant().toEpochMilli()),
                  spec.botVersion(),
                  currency,
                  ZoneOffset.UTC,
                  TradingCalendars.of(TradingCalendars.NYSE),
                  spec.riskLimits(),
                  false,
                  LlmSetup.DEFAULT_FEE_MARGIN,
                  LlmSetup.DEFAULT_BARS_SHOWN,
                  Map.of()),
              traces,
              clock);
      strategies.add(s);
      return s;
    };
  }

  /** The training cut-off warning for the backtest's period, if it has one. */
  Optional<String> cutoffWarning(BacktestResult result) {
    if (result.firstTime() == null) {
      return Optional.empty();
    }
    return TrainingCutoff.of(config).warning(result.firstTime(), result.lastTime());
  }

  /** Fails the backtest when replay found no recording (with llm.on_missing_recording: fail). */
  void checkRecordings() {
    for (LlmStrategy s : strategies) {
      s.missingRecording()
          .ifPresent(
              m -> {
                throw new IllegalStateException(m.getMessage());
              });
    }
  }

  /** One line on the questions: how they ended and what they cost, against the cap. */
  String summary() {
    Map<Outcome, Long> outcomes = traces.outcomes();
    StringBuilder line = new StringBuilder().append(traces.traces().size()).append(" questions (");
    List<String> parts = new ArrayList<>();
    outcomes.forEach((o, n) -> parts.add(n + " " + o.label()));
    line.append(String.join(", ", parts))
        .append("), spent ")
        .append(plain(traces.spent()))
        .append(' ')
        .append(currency)
        .append(" of llm.max_cost ")
        .append(plain(config.maxCost()))
        .append(", mode ")
        .append(config.mode().label());
    traces.firstCapped().ifPresent(t -> line.append("; cap reached at ").append(t.moment()));
    return line.toString();
  }

  /** The summary's figures for --json. */
  Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("questions", traces.traces().size());
    traces.outcomes().forEach((o, n) -> m.put(o.label(), n));
    m.put("spent", plain(traces.spent()));
    m.put("max_cost", plain(config.maxCost()));
    m.put("mode", config.mode().label());
    m.put("cap_reached_at", traces.firstCapped().map(t -> t.moment().toString()).orElse(null));
    return m;
  }

  /** Writes every trace as one JSON line to {@code runDir}/llm-traces.jsonl. */
  void write(Path runDir) throws IOException {
    try (Writer out = Files.newBufferedWriter(runDir.resolve(TRACES_FILE))) {
      for (LlmTrace t : traces.traces()) {
        out.write(JSON.writeValueAsString(row(t)));
        out.write('\n');
      }
    }
  }

  void print(PrintWriter out, PrintWriter err, BacktestResult result) {
    cutoffWarning(result).ifPresent(w -> err.println("warning: " + w));
    err.flush();
    out.printf("  %-16s%s%n", "llm", summary());
  }

  private static Map<String, Object> row(LlmTrace t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("moment", t.moment().toString());
    m.put("day", t.day().toString());
    m.put("request_hash", t.requestHash());
    m.put("mode", t.mode().label());
    m.put("model", t.model());
    m.put("reported_model", t.reportedModel());
    m.put("outcome", t.outcome().label());
    m.put("reason", t.reason());
    m.put("input_tokens", t.inputTokens());
    m.put("output_tokens", t.outputTokens());
    m.put("cost", plain(t.cost()));
    m.put("latency_ms", t.latencyMillis());
    m.put("attempts", t.attempts());
    m.put("decisions", t.decisionsJson());
    m.put("response", t.response());
    m.put("user_prompt", t.userPrompt());
    return m;
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  @Override
  public void close() {
    decider.close();
  }
}
