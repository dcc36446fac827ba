package io.tradecore.insights;

import java.util.Locale;

/** Classifies the files of a run folder by name. */
final class RunFiles {
  static final String EXPERIMENT = "experiment.json";
  static final String EVAL = "eval_summary.json";

  private RunFiles() {}

  /** experiment, eval, trace, model or other. */
  static String kind(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.equals(EXPERIMENT)) {
      return "experiment";
    }
    if (n.equals(EVAL)) {
      return "eval";
    }
    if (isTrace(n)) {
      return "trace";
    }
    if (n.endsWith(".zip")
        || n.endsWith(".pkl")
        || n.endsWith(".onnx")
        || n.endsWith(".pt")
        || n.endsWith(".pth")
        || n.endsWith(".ckpt")
        || n.endsWith(".safetensors")) {
      return "model";
    }
    return "other";
  }

  /** True for the files that make a folder a run. */
  static boolean marksRun(String fileName) {
    return !kind(fileName).equals("other");
  }

  static boolean isTrace(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    return n.endsWith("_actions.csv") || n.endsWith("_actions.parquet");
  }
}
