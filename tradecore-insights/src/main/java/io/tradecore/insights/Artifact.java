package io.tradecore.insights;

/**
 * A file in a run folder: its name, what it is (experiment, eval, trace, model or other) and its
 * size in bytes.
 */
public record Artifact(String name, String kind, long sizeBytes) {}
