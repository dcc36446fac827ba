package io.tradecore.llm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * A model's stated training cut-off: a backtest over moments before it lets the model "remember"
 * what happened next, so its results there overstate what it would do live. Immutable and
 * thread-safe.
 *
 * @param cutoff the cut-off date (UTC), or null when unknown
 */
public record TrainingCutoff(String model, LocalDate cutoff) {
  public TrainingCutoff {
    Objects.requireNonNull(model, "model");
  }

  /** The cut-off {@code config} states for its model. */
  public static TrainingCutoff of(LlmConfig config) {
    return new TrainingCutoff(
        Objects.requireNonNullElse(config.model(), "the model"), config.trainingCutoff());
  }

  /** Whether {@code moment} is before the cut-off; true when the cut-off is unknown. */
  public boolean isBefore(Instant moment) {
    return cutoff == null || moment.isBefore(cutoff.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /**
   * A warning for a backtest from {@code first} to {@code last} (its first and last moments), or
   * empty when every moment is on or after the cut-off.
   */
  public Optional<String> warning(Instant first, Instant last) {
    if (cutoff == null) {
      return Optional.of(
          model
              + "'s training cut-off is not configured (llm.training_cutoff): the model may know"
              + " what happened after the moments it is asked about, so backtest results may"
              + " overstate it");
    }
    if (!isBefore(first)) {
      return Optional.empty();
    }
    LocalDate firstDay = first.atOffset(ZoneOffset.UTC).toLocalDate();
    LocalDate until = isBefore(last) ? last.atOffset(ZoneOffset.UTC).toLocalDate() : cutoff;
    return Optional.of(
        "the backtest from "
            + firstDay
            + " starts before "
            + model
            + "'s training cut-off "
            + cutoff
            + ": up to "
            + (isBefore(last) ? until : until.minusDays(1))
            + " the model may know what happened next, so results there overstate it");
  }
}
