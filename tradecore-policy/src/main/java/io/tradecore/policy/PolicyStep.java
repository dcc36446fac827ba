package io.tradecore.policy;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the policy strategy saw and decided for one instrument on one bar, for a run's action trace:
 * the moment, the instrument, its close, the portfolio as the policy saw it, the raw observation
 * and the decision. Before the window holds enough bars, {@code observation} and {@code decision}
 * are null. Immutable (the observation is a copy the step owns).
 *
 * @param moment index of the moment among those the engine has seen, from 0
 * @param position the signed quantity held, exact
 */
public record PolicyStep(
    Instant time,
    long moment,
    String instrument,
    double close,
    BigDecimal position,
    BigDecimal cash,
    BigDecimal equity,
    double[] observation,
    Decision decision) {}
