package io.tradecore.runner.llm;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.llm.LlmConfig;
import io.tradecore.llm.LlmTrace;
import io.tradecore.llm.cost.SpendingCap;
import io.tradecore.store.LlmTraceRepository;
import java.time.LocalDate;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Connects the LLM layer to the store: a trace becomes a stored row (which books its cost), and a
 * portfolio's spending cap resumes from what the store says it has spent.
 */
public final class LlmRecords {
  private LlmRecords() {}

  /** The stored form of {@code trace}. */
  public static LlmTraceRepository.Row row(LlmTrace trace) {
    return new LlmTraceRepository.Row(
        trace.traceId(),
        trace.portfolioId(),
        trace.runId(),
        trace.botVersion(),
        trace.moment(),
        trace.day().toString(),
        trace.requestHash(),
        trace.mode().label(),
        trace.model(),
        trace.reportedModel(),
        trace.systemPrompt(),
        trace.userPrompt(),
        trace.response(),
        trace.inputTokens(),
        trace.outputTokens(),
        trace.cost(),
        trace.latencyMillis(),
        trace.attempts(),
        trace.outcome().label(),
        trace.reason(),
        trace.decisionsJson(),
        trace.recordedAt());
  }

  /**
   * The spending cap of portfolio {@code p} as the store leaves it: everything spent so far, and
   * what was spent on {@code today} for the daily cap.
   *
   * @throws IllegalStateException when {@code config} has no {@code llm.max_cost}
   */
  public static SpendingCap resumeCap(
      Handle h,
      LlmTraceRepository traces,
      PortfolioId p,
      LlmConfig config,
      String baseCurrency,
      LocalDate today) {
    if (config.maxCost() == null) {
      throw new IllegalStateException("llm.max_cost is not set");
    }
    return SpendingCap.resume(
        config.maxCost(),
        config.maxCostPerDay(),
        baseCurrency,
        traces.spentTotal(h, p),
        Map.of(today, traces.spentOn(h, p, today.toString())));
  }
}
