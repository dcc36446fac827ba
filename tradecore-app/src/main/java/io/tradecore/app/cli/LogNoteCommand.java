package io.tradecore.app.cli;

import io.tradecore.runner.dailylog.DailyLogText;
import io.tradecore.store.DailyLogRepository;
import io.tradecore.store.PortfolioRecord;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tradecore log note}: adds a person's text to a section of one day's log. */
@Command(
    name = "note",
    mixinStandardHelpOptions = true,
    description = {
      "Add text to a section of a day's log (after any text already there). Regenerating the day"
          + " never changes what a person wrote."
    })
public final class LogNoteCommand implements Callable<Integer> {
  private final Clock clock;
  private final Map<String, String> env;

  @Spec private CommandSpec spec;
  @Mixin private ConfigOption config;

  @Option(names = "--portfolio", required = true, paramLabel = "NAME", description = "Portfolio.")
  private String portfolio;

  @Option(
      names = "--date",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "A day that has a log.")
  private String date;

  @Option(
      names = "--section",
      required = true,
      paramLabel = "SECTION",
      description = "lessons, context, focus or notes.")
  private String section;

  @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The text (words are joined).")
  private List<String> text;

  public LogNoteCommand(Clock clock, Map<String, String> env) {
    this.clock = clock;
    this.env = env;
  }

  @Override
  public Integer call() {
    LocalDate day = LogCommand.date(spec, date);
    DailyLogRepository.Section target;
    try {
      target = DailyLogRepository.Section.named(section);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    String words = String.join(" ", text).strip();
    if (words.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "the note's TEXT is empty");
    }
    try (PortfolioLogs p = PortfolioLogs.open(config.file(), env, portfolio, clock)) {
      p.logs().note(day, target, words);
      PortfolioRecord record = p.record();
      PrintWriter out = spec.commandLine().getOut();
      out.print(DailyLogText.block(record.name(), record.baseCurrency(), p.get(day).orElseThrow()));
      out.flush();
    }
    return 0;
  }
}
