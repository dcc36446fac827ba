package io.tradecore.app.cli;

import io.tradecore.app.output.Json;
import io.tradecore.runner.Portfolios;
import io.tradecore.store.LlmTraceRepository;
import io.tradecore.store.PortfolioRecord;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tradecore llm traces}: a portfolio's questions to the model, oldest first, each with its
 * outcome, reason, tokens and cost, and what they cost in all.
 */
@Command(
    name = "traces",
    mixinStandardHelpOptions = true,
    description =
        "Print a portfolio's questions to the model (all, or one trading day's), oldest first,"
            + " with their outcomes, reasons, tokens and costs.")
public final class LlmTracesCommand implements Callable<Integer> {
  private final Map<String, String> env;

  @Spec private CommandSpec spec;
  @Mixin private ConfigOption config;

  @Option(names = "--portfolio", required = true, paramLabel = "NAME", description = "Portfolio.")
  private String portfolio;

  @Option(names = "--day", paramLabel = "YYYY-MM-DD", description = "Only this trading day.")
  private String day;

  @Option(
      names = "--prompts",
      description = "Also print each question's prompt and the model's response.")
  private boolean prompts;

  @Option(names = "--json", description = "Print a JSON array, one object per question.")
  private boolean json;

  public LlmTracesCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    LocalDate date = day == null ? null : LogCommand.date(spec, day, "--day");
    LlmTraceRepository repo = new LlmTraceRepository();
    try (Workspace ws = Workspace.open(config.file(), env, true)) {
      PortfolioRecord record = new Portfolios(ws.db()).find(portfolio);
      List<LlmTraceRepository.Row> rows =
          ws.db()
              .jdbi()
              .withHandle(
                  h ->
                      date == null
                          ? repo.forPortfolio(h, record.id())
                          : repo.onDay(h, record.id(), date.toString()));
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        List<Map<String, Object>> all = new ArrayList<>();
        rows.forEach(r -> all.add(json(r)));
        out.println(Json.write(all));
      } else if (rows.isEmpty()) {
        out.printf(
            "portfolio %s has no questions to the model%s; ./tradecore run --portfolio %s"
                + " --strategy llm asks them%n",
            record.name(), date == null ? "" : " on " + date, record.name());
      } else {
        Map<String, BigDecimal> byVersion = new TreeMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (LlmTraceRepository.Row r : rows) {
          out.printf(
              "%s  %-8s %s  %s in / %s out  %s %s  %d ms  %s%n",
              r.moment(),
              r.outcome(),
              r.model(),
              r.inputTokens() == null ? "-" : r.inputTokens(),
              r.outputTokens() == null ? "-" : r.outputTokens(),
              plain(r.cost()),
              record.baseCurrency(),
              r.latencyMillis(),
              r.reason());
          if (prompts) {
            out.println("--- prompt");
            out.println(r.userPrompt().strip());
            out.println("--- response");
            out.println(r.response() == null ? "(none)" : r.response().strip());
            out.println();
          }
          byVersion.merge(r.botVersion(), r.cost(), BigDecimal::add);
          total = total.add(r.cost());
        }
        List<String> versions = new ArrayList<>();
        byVersion.forEach((v, c) -> versions.add(v + " " + plain(c)));
        out.printf(
            "%d question(s), %s %s in all (%s)%n",
            rows.size(), plain(total), record.baseCurrency(), String.join(", ", versions));
      }
      out.flush();
    }
    return 0;
  }

  private static Map<String, Object> json(LlmTraceRepository.Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("trace_id", r.traceId());
    m.put("run_id", r.runId().value());
    m.put("bot_version", r.botVersion());
    m.put("moment", r.moment().toString());
    m.put("day", r.day());
    m.put("mode", r.mode());
    m.put("model", r.model());
    m.put("reported_model", r.reportedModel());
    m.put("outcome", r.outcome());
    m.put("reason", r.reason());
    m.put("input_tokens", r.inputTokens());
    m.put("output_tokens", r.outputTokens());
    m.put("cost", plain(r.cost()));
    m.put("latency_ms", r.latencyMillis());
    m.put("attempts", r.attempts());
    m.put("request_hash", r.requestHash());
    m.put("decisions", r.decisionsJson());
    m.put("user_prompt", r.userPrompt());
    m.put("response", r.response());
    return m;
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
