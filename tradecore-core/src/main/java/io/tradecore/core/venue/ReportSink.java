package io.tradecore.core.venue;

/** Where a venue delivers its execution reports; safe to call from any thread. */
@FunctionalInterface
public interface ReportSink {
  void report(ExecutionReport report);
}
