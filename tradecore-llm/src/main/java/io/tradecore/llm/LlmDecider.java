package io.tradecore.llm;

import io.tradecore.llm.answer.AnswerValidator;
import io.tradecore.llm.answer.Refusal;
import io.tradecore.llm.answer.Verdict;
import io.tradecore.llm.answer.VerdictJson;
import io.tradecore.llm.call.ChatCall;
import io.tradecore.llm.call.ChatEndpoint;
import io.tradecore.llm.call.OpenAiEndpoint;
import io.tradecore.llm.call.Recordings;
import io.tradecore.llm.cost.SpendingCap;
import io.tradecore.llm.request.DecisionRequest;
import io.tradecore.llm.request.Prompt;
import io.tradecore.llm.request.PromptRenderer;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Asks the model for one portfolio's decisions, off the engine's thread: {@link #decide} returns at
 * once and the answer completes later on the decider's own thread, one question at a time, in the
 * order asked. A failed call (timeout, server error after the bounded retries) completes normally
 * as a hold with outcome FAILED and its reason; only a missing recording in replay (when configured
 * to fail) completes exceptionally. Thread-safe.
 */
public final class LlmDecider implements AutoCloseable {
  private final LlmConfig config;
  private final ModelCaller caller;
  private final Clock clock;
  private final ExecutorService executor;

  /**
   * A decider calling {@code endpoint} (unused in replay) under {@code cap}; {@code clock} stamps
   * the traces.
   *
   * @throws IllegalStateException naming every setting still missing
   */
  public LlmDecider(LlmConfig config, ChatEndpoint endpoint, SpendingCap cap, Clock clock) {
    this(config, endpoint, cap, clock, duration -> Thread.sleep(duration));
  }

  LlmDecider(
      LlmConfig config,
      ChatEndpoint endpoint,
      SpendingCap cap,
      Clock clock,
      ModelCaller.Pause pause) {
    this.config = config.requireReady();
    this.caller =
        new ModelCaller(
            config,
            Objects.requireNonNull(endpoint, "endpoint"),
            new Recordings(config.recordingsDir()),
            Objects.requireNonNull(cap, "cap"),
            pause);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.executor =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "llm-decider");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** A decider calling the OpenAI-compatible server {@code config} names. */
  public static LlmDecider openAi(LlmConfig config, SpendingCap cap, Clock clock) {
    return new LlmDecider(config, new OpenAiEndpoint(config.requireReady()), cap, clock);
  }

  /** Asks about {@code request}; the engine's thread does not wait for the answer. */
  public CompletableFuture<LlmAnswer> decide(DecisionRequest request) {
    Objects.requireNonNull(request, "request");
    return CompletableFuture.supplyAsync(() -> answer(request), executor);
  }

  private LlmAnswer answer(DecisionRequest request) {
    long started = System.nanoTime();
    Prompt prompt = PromptRenderer.render(request);
    ChatCall call = ChatCall.of(config, prompt);
    ModelCaller.Result result = caller.call(call, request.day(), request.moment().toString());
    Verdict verdict = new Verdict(List.of(), List.of());
    Outcome outcome;
    String reason;
    if (result.reply() == null) {
      // No attempt made (the cap, a missing recording) is a hold; a failed attempt is an error,
      // even when the cap then stopped the retry.
      outcome = result.attempts() == 0 ? Outcome.HELD : Outcome.FAILED;
      reason = result.problem();
    } else {
      verdict = AnswerValidator.validate(result.reply().content(), request);
      outcome = outcome(verdict);
      reason = reason(verdict, outcome);
    }
    long latencyMillis = (System.nanoTime() - started) / 1_000_000;
    LlmTrace trace =
        new LlmTrace(
            UUID.randomUUID().toString(),
            request.portfolioId(),
            request.runId(),
            request.botVersion(),
            request.moment(),
            request.day(),
            call.sha256(),
            config.mode(),
            call.model(),
            result.reply() == null ? null : result.reply().reportedModel(),
            prompt.system(),
            prompt.user(),
            result.reply() == null ? null : result.reply().content(),
            result.reply() == null || result.reply().usage() == null
                ? null
                : result.reply().usage().inputTokens(),
            result.reply() == null || result.reply().usage() == null
                ? null
                : result.reply().usage().outputTokens(),
            result.cost(),
            latencyMillis,
            result.attempts(),
            outcome,
            reason,
            VerdictJson.write(verdict),
            clock.instant());
    return new LlmAnswer(
        request.moment(),
        outcome,
        reason,
        verdict.accepted(),
        verdict.refusals(),
        result.capReached(),
        trace);
  }

  private static Outcome outcome(Verdict verdict) {
    if (!verdict.actions().isEmpty()) {
      return Outcome.ACCEPTED;
    }
    return verdict.refusals().isEmpty() ? Outcome.HELD : Outcome.REFUSED;
  }

  private static String reason(Verdict verdict, Outcome outcome) {
    String refusals =
        verdict.refusals().stream().map(Refusal::describe).collect(Collectors.joining("; "));
    return switch (outcome) {
      case ACCEPTED ->
          verdict.accepted().size()
              + " accepted"
              + (refusals.isEmpty()
                  ? ""
                  : ", " + verdict.refusals().size() + " refused: " + refusals);
      case REFUSED -> refusals;
      case HELD ->
          verdict.accepted().isEmpty()
              ? "no decisions"
              : "hold: "
                  + verdict.accepted().stream()
                      .map(d -> d.reason())
                      .collect(Collectors.joining("; "));
      case FAILED -> throw new IllegalStateException("a verdict never fails");
    };
  }

  /** Stops the decider's thread; questions not yet answered are dropped. */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
