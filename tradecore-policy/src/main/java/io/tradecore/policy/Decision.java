package io.tradecore.policy;

/**
 * A policy's answer for one instrument on one bar: the action as recorded in traces (the index of a
 * discrete action, the clipped value of a continuous one), the target and current signed fractions
 * of equity, and the intent they lead to. Immutable and thread-safe.
 */
public record Decision(
    double action, double targetFraction, double currentFraction, Intent intent) {}
