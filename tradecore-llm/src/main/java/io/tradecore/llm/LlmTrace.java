package io.tradecore.llm;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The record of one question to the model: for which portfolio, run and moment, what was sent and
 * answered, what it cost and how it ended. Token counts are null when the server reported none (or
 * no call was made). Immutable and thread-safe.
 *
 * @param traceId unique id of this trace
 * @param requestHash SHA-256 of the canonical request (the recording's key)
 * @param model the model asked for; {@code reportedModel} the one the server says answered
 * @param response the assistant message's text, or null when none arrived
 * @param cost everything booked against the cap for this question, in the base currency
 * @param latencyMillis time from the question to its outcome, retries and waits included
 * @param attempts calls made (0 when the cap or replay made none)
 * @param decisionsJson accepted decisions and refusals as JSON ({@code answer.VerdictJson})
 * @param recordedAt wall-clock time the trace was made
 */
public record LlmTrace(
    String traceId,
    PortfolioId portfolioId,
    RunId runId,
    String botVersion,
    Instant moment,
    LocalDate day,
    String requestHash,
    LlmMode mode,
    String model,
    String reportedModel,
    String systemPrompt,
    String userPrompt,
    String response,
    Long inputTokens,
    Long outputTokens,
    BigDecimal cost,
    long latencyMillis,
    int attempts,
    Outcome outcome,
    String reason,
    String decisionsJson,
    Instant recordedAt) {
  public LlmTrace {
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(portfolioId, "portfolioId");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(botVersion, "botVersion");
    Objects.requireNonNull(moment, "moment");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(requestHash, "requestHash");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(systemPrompt, "systemPrompt");
    Objects.requireNonNull(userPrompt, "userPrompt");
    Objects.requireNonNull(cost, "cost");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(decisionsJson, "decisionsJson");
    Objects.requireNonNull(recordedAt, "recordedAt");
  }
}
