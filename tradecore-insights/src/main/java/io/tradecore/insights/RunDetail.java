package io.tradecore.insights;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One run in full: its summary, experiment.json and eval_summary.json as stored (parsed JSON, null
 * when missing or malformed) and its action trace's columns, row count and env ids (null when the
 * run has no readable trace).
 */
public record RunDetail(
    String name,
    RunSummary summary,
    JsonNode experiment,
    JsonNode evalSummary,
    TraceInfo trace,
    List<String> problems) {}
