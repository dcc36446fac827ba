package io.tradecore.llm;

import io.tradecore.llm.call.ChatCall;
import io.tradecore.llm.call.ChatEndpoint;
import io.tradecore.llm.call.ChatFailure;
import io.tradecore.llm.call.ChatReply;
import io.tradecore.llm.call.Recordings;
import io.tradecore.llm.cost.PromptTokenEstimator;
import io.tradecore.llm.cost.SpendingCap;
import io.tradecore.llm.cost.TokenPrices;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gets an answer for one call under the spending cap: in live and record modes by calling the
 * server with bounded retries, in replay from the recordings. Every attempt is checked against the
 * cap first (its worst case: estimated prompt tokens plus the maximum answer, at the prices) and
 * booked after (the reported usage; the worst case when the server reported none, or when a timeout
 * or lost connection may have been billed). Runs on the decider's thread only.
 */
final class ModelCaller {
  /** Waits between retries; tests pass one that does not wait. */
  interface Pause {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** What came of one call: a reply, or why there is none; what was booked; how many attempts. */
  record Result(
      ChatReply reply, String problem, boolean capReached, int attempts, BigDecimal cost) {}

  private final LlmConfig config;
  private final ChatEndpoint endpoint;
  private final Recordings recordings;
  private final SpendingCap cap;
  private final TokenPrices prices;
  private final PromptTokenEstimator estimator = new PromptTokenEstimator();
  private final Pause pause;

  ModelCaller(
      LlmConfig config,
      ChatEndpoint endpoint,
      Recordings recordings,
      SpendingCap cap,
      Pause pause) {
    this.config = config;
    this.endpoint = endpoint;
    this.recordings = recordings;
    this.cap = cap;
    this.prices = config.prices();
    this.pause = pause;
  }

  Result call(ChatCall call, LocalDate day, String moment) {
    return config.mode() == LlmMode.REPLAY ? replay(call, day, moment) : live(call, day);
  }

  private BigDecimal worstCase(ChatCall call) {
    return prices.cost(estimator.estimate(call.charsSent()), call.maxOutputTokens());
  }

  private Result replay(ChatCall call, LocalDate day, String moment) {
    BigDecimal worst = worstCase(call);
    Optional<String> refusal = cap.refusal(day, worst);
    if (refusal.isPresent()) {
      return new Result(null, refusal.get(), true, 0, BigDecimal.ZERO);
    }
    Optional<ChatReply> recorded = recordings.find(call);
    if (recorded.isEmpty()) {
      String problem =
          "no recorded answer for the request at "
              + moment
              + " (request sha256 "
              + call.sha256()
              + ", looked for "
              + recordings.file(call.sha256())
              + ")";
      if (config.onMissingRecording() == MissingRecording.FAIL) {
        throw new MissingRecordingException(
            problem
                + "; record it with llm.mode: record, or set llm.on_missing_recording: hold to"
                + " hold instead");
      }
      return new Result(null, problem, false, 0, BigDecimal.ZERO);
    }
    return new Result(recorded.get(), null, false, 0, book(call, day, recorded.get(), worst));
  }

  private Result live(ChatCall call, LocalDate day) {
    BigDecimal booked = BigDecimal.ZERO;
    List<String> errors = new ArrayList<>();
    int attempts = 0;
    while (true) {
      BigDecimal worst = worstCase(call);
      Optional<String> refusal = cap.refusal(day, worst);
      if (refusal.isPresent()) {
        String problem =
            errors.isEmpty()
                ? refusal.get()
                : refusal.get() + " (after: " + String.join("; ", errors) + ")";
        return new Result(null, problem, true, attempts, booked);
      }
      attempts++;
      try {
        ChatReply reply = endpoint.complete(call);
        booked = booked.add(book(call, day, reply, worst));
        if (config.mode() == LlmMode.RECORD) {
          try {
            recordings.save(call, reply);
          } catch (UncheckedIOException | IllegalStateException e) {
            return new Result(
                null,
                "answer received but not recorded: " + e.getMessage(),
                false,
                attempts,
                booked);
          }
        }
        return new Result(reply, null, false, attempts, booked);
      } catch (ChatFailure failure) {
        if (failure.mayHaveBeenBilled()) {
          cap.book(day, worst);
          booked = booked.add(worst);
        }
        errors.add("attempt " + attempts + ": " + failure.getMessage());
        if (!failure.retryable() || attempts > config.maxRetries()) {
          return new Result(null, String.join("; ", errors), false, attempts, booked);
        }
        if (!waitBeforeRetry(attempts)) {
          errors.add("interrupted");
          return new Result(null, String.join("; ", errors), false, attempts, booked);
        }
      }
    }
  }

  /** Books what an answered call cost: its usage at the prices, or the worst case without one. */
  private BigDecimal book(ChatCall call, LocalDate day, ChatReply reply, BigDecimal worst) {
    BigDecimal cost = reply.usage() == null ? worst : prices.cost(reply.usage());
    if (reply.usage() != null) {
      estimator.observe(call.charsSent(), reply.usage().inputTokens());
    }
    cap.book(day, cost);
    return cost;
  }

  private boolean waitBeforeRetry(int attemptsMade) {
    Duration wait = config.retryBackoff().multipliedBy(1L << Math.min(attemptsMade - 1, 10));
    try {
      pause.sleep(wait);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
