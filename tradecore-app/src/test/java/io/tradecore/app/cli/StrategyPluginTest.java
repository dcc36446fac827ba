package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.app.output.BarCsvWriter;
import io.tradecore.core.domain.Instrument;
import io.tradecore.marketdata.SyntheticBars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plug-in strategies end to end: a strategy compiled from source (the project {@code strategy new}
 * writes, and a hand-written one) into a jar in the data directory's strategies folder is listed,
 * backtested and run through the command line like a built-in; broken jars, two strategies of one
 * name and bad parameters are one-line errors naming the jar or the parameter.
 */
class StrategyPluginTest {
  private static final Instant CREATED = Instant.parse("2026-01-04T12:00:00Z");

  private static final String BUY_ALL_STRATEGY =
      """
      package acme;

      import io.tradecore.core.domain.Bar;
      import io.tradecore.core.engine.Action;
      import io.tradecore.core.engine.MomentContext;
      import io.tradecore.core.engine.PortfolioStrategy;
      import io.tradecore.core.plan.PlanSpec;
      import java.util.ArrayList;
      import java.util.HashSet;
      import java.util.List;
      import java.util.Set;

      final class BuyAll implements PortfolioStrategy {
        private final int wait;
        private final Set<String> bought = new HashSet<>();

        BuyAll(int wait) {
          this.wait = wait;
        }

        public String name() {
          return "buy-all";
        }

        public List<Action> onMoment(MomentContext context) {
          List<Action> out = new ArrayList<>();
          if (context.momentIndex() < wait) {
            return out;
          }
          for (Bar bar : context.bars()) {
            if (bought.add(bar.instrument().symbol())) {
              out.add(new Action.OpenPlan(bar.instrument(), PlanSpec.longAllIn()));
            }
          }
          return out;
        }
      }
      """;

  /** A plug-in of a whole-portfolio strategy: buys every instrument with a share of the cash. */
  private static final Map<String, String> BUY_ALL =
      Map.of(
          "src/acme/BuyAllProvider.java",
          """
          package acme;

          import io.tradecore.core.engine.PortfolioStrategy;
          import io.tradecore.strategy.api.Param;
          import io.tradecore.strategy.api.Parameters;
          import io.tradecore.strategy.api.Params;
          import io.tradecore.strategy.api.StrategyProvider;
          import java.util.function.Supplier;

          public final class BuyAllProvider implements StrategyProvider {
            public String name() { return "buy-all"; }
            public String description() { return "Buys every instrument once."; }
            public Parameters parameters() {
              return Parameters.of(
                  Param.integer("wait", 3, "Bars to wait before buying.").min("0").max("100"));
            }
            public Supplier<PortfolioStrategy> portfolio(Params params) {
              int wait = params.integer("wait");
              return () -> new BuyAll(wait);
            }
          }
          """,
          "src/acme/BuyAll.java",
          BUY_ALL_STRATEGY,
          "res/META-INF/services/io.tradecore.strategy.api.StrategyProvider",
          "acme.BuyAllProvider\n");

  @TempDir Path dir;
  private Path dataDir;
  private Path csv;
  private Map<String, String> env;

  @BeforeEach
  void bars() throws IOException {
    dataDir = dir.resolve("data");
    env = Map.of("TRADECORE_DATA_DIR", dataDir.toString());
    csv = dir.resolve("SYN.csv");
    BarCsvWriter.write(
        csv,
        SyntheticBars.generate(
            Instrument.of("SYN", "USD", 2), LocalDate.of(2026, 1, 5), 300, 11, 50));
  }

  private Cli.Run ok(String... args) {
    Cli.Run run = Cli.run(env, args);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }

  private Cli.Run fails(String... args) {
    Cli.Run run = Cli.run(env, args);
    assertThat(run.exitCode()).as(run.out()).isNotZero();
    return run;
  }

  /**
   * The project {@code strategy new} writes, compiled with javax.tools into the strategies folder.
   */
  private Path newStrategyJar(String name) throws IOException {
    Path project = dir.resolve(name);
    ok("strategy", "new", name, "--dir", project.toString());
    return PluginJars.compile(
        project.resolve("src/main/java"),
        project.resolve("src/main/resources"),
        dataDir.resolve("strategies").resolve(name + ".jar"));
  }

  @Test
  void a_strategy_compiled_from_the_template_is_listed_backtested_and_run() throws IOException {
    newStrategyJar("ema-trend");

    String list = ok("strategy", "list").out();
    assertThat(list)
        .contains("ema-trend (" + dataDir.resolve("strategies").resolve("ema-trend.jar") + ")")
        .containsPattern("fast +integer +12 +\\[1, ∞\\) +Bars in the fast EMA")
        .containsPattern("slow +integer +26 +\\[2, 500\\] +Bars in the slow EMA")
        .contains("sma-cross (built-in)", "policy (built-in)", "llm (built-in)");

    JsonNode summary =
        OutputFiles.json(
            ok("backtest", "--strategy", "ema-trend", "--data", csv.toString(), "--json").out());
    assertThat(summary.get("strategy").asText()).isEqualTo("ema-trend");
    assertThat(summary.get("params").get("slow").asText()).isEqualTo("26");
    assertThat(summary.get("trades").asInt()).as("closed round trips").isPositive();

    LogTestKit kit = LogTestKit.initialised(dataDir, "mine", CREATED);
    Cli.Run run =
        kit.ok(
            CREATED,
            "run",
            "--portfolio",
            "mine",
            "--strategy",
            "ema-trend",
            "--param",
            "fast=5",
            "--feed",
            "replay:" + csv.toAbsolutePath());
    assertThat(run.out()).contains("applied 300 events");
    JsonNode status =
        OutputFiles.json(kit.ok(CREATED, "status", "--portfolio", "mine", "--json").out());
    assertThat(status.get("last_run").get("strategy").asText()).isEqualTo("ema-trend");
    assertThat(status.get("fills").asLong()).isPositive();
  }

  @Test
  void bad_parameter_values_are_errors_naming_the_parameter() throws IOException {
    newStrategyJar("ema-trend");
    String data = csv.toString();

    assertThat(
            fails("backtest", "--strategy", "ema-trend", "--data", data, "--param", "slow=x").err())
        .contains("parameter slow of strategy ema-trend must be a whole number but was 'x'");
    assertThat(
            fails("backtest", "--strategy", "ema-trend", "--data", data, "--param", "slow=501")
                .err())
        .contains("parameter slow of strategy ema-trend must be in [2, 500] but was '501'");
    assertThat(
            fails("backtest", "--strategy", "ema-trend", "--data", data, "--param", "slo=5").err())
        .contains("unknown parameter slo for strategy ema-trend; it takes fast, slow");
    assertThat(
            fails("backtest", "--strategy", "ema-trend", "--data", data, "--param", "fast=30")
                .err())
        .contains("parameter fast (30) must be less than slow (26)");
  }

  @Test
  void a_jar_given_with_strategy_jar_works_without_the_data_dir() throws IOException {
    Path jar =
        PluginJars.compile(
            PluginJars.write(dir.resolve("buy-all"), BUY_ALL).resolve("src"),
            dir.resolve("buy-all/res"),
            dir.resolve("jars/buy-all.jar"));

    assertThat(fails("backtest", "--strategy", "buy-all", "--data", csv.toString()).err())
        .contains("unknown strategy 'buy-all'");
    JsonNode summary =
        OutputFiles.json(
            ok(
                    "backtest",
                    "--strategy",
                    "buy-all",
                    "--strategy-jar",
                    jar.toString(),
                    "--data",
                    csv.toString(),
                    "--json")
                .out());
    assertThat(summary.get("open_positions").asInt()).isEqualTo(1);
  }

  @Test
  void optimize_searches_a_plug_in_s_parameters_and_names_a_value_out_of_its_range()
      throws IOException {
    Path jar =
        PluginJars.compile(
            PluginJars.write(dir.resolve("buy-all"), BUY_ALL).resolve("src"),
            dir.resolve("buy-all/res"),
            dir.resolve("jars/buy-all.jar"));

    JsonNode sweep =
        OutputFiles.json(
            ok(
                    "optimize",
                    "--strategy",
                    "buy-all",
                    "--strategy-jar",
                    jar.toString(),
                    "--data",
                    csv.toString(),
                    "--param",
                    "wait=0..5",
                    "--min-trades",
                    "0",
                    "--objective",
                    "total_return",
                    "--json")
                .out());
    assertThat(sweep.get("trials").asInt()).isEqualTo(6);
    assertThat(sweep.get("best").get("metrics").get("open_positions").asInt()).isEqualTo(1);

    assertThat(
            fails(
                    "optimize",
                    "--strategy",
                    "buy-all",
                    "--strategy-jar",
                    jar.toString(),
                    "--data",
                    csv.toString(),
                    "--param",
                    "wait=0..200")
                .err())
        .contains("parameter wait of strategy buy-all must be in [0, 100] but was '200'");
  }

  @Test
  void a_broken_jar_and_two_strategies_of_one_name_are_one_line_errors_naming_the_jars()
      throws IOException {
    Path strategies = Files.createDirectories(dataDir.resolve("strategies"));
    Path broken = Files.writeString(strategies.resolve("broken.jar"), "not a jar");
    Cli.Run run = fails("strategy", "list");
    assertThat(run.err().strip()).startsWith("error: strategy jar " + broken).doesNotContain("\n");
    Files.delete(broken);

    Map<String, String> missing = new java.util.HashMap<>(BUY_ALL);
    missing.put(
        "res/META-INF/services/io.tradecore.strategy.api.StrategyProvider", "acme.Missing\n");
    Path unloadable =
        PluginJars.compile(
            PluginJars.write(dir.resolve("missing"), missing).resolve("src"),
            dir.resolve("missing/res"),
            strategies.resolve("missing.jar"));
    run = fails("strategy", "list");
    assertThat(run.err().strip())
        .startsWith("error: strategy jar " + unloadable + " does not load: ")
        .contains("acme.Missing")
        .doesNotContain("\n");
    Files.delete(unloadable);

    Path first = newStrategyJar("ema-trend");
    Path second = Files.copy(first, dir.resolve("copy.jar"));
    run =
        fails(
            "backtest",
            "--strategy",
            "ema-trend",
            "--strategy-jar",
            second.toString(),
            "--data",
            csv.toString());
    assertThat(run.err().strip())
        .isEqualTo("error: two strategies are named ema-trend: " + first + " and " + second);
  }

  @Test
  void a_new_project_needs_a_good_name_and_a_free_folder() throws IOException {
    assertThat(fails("strategy", "new", "My_Trend").err())
        .contains("strategy name 'My_Trend' must be lower-case letters, digits and single dashes");
    Path taken = Files.createDirectories(dir.resolve("taken"));
    assertThat(fails("strategy", "new", "ok", "--dir", taken.toString()).err())
        .contains(taken + " already exists");

    Path project = dir.resolve("p");
    ok("strategy", "new", "my-trend", "--dir", project.toString());
    assertThat(project.resolve("src/main/java/strategies/mytrend/MyTrend.java")).exists();
    assertThat(project.resolve("mvnw")).isExecutable();
    assertThat(project.resolve(".mvn/wrapper/maven-wrapper.properties"))
        .hasSameTextualContentAs(Path.of("..", ".mvn/wrapper/maven-wrapper.properties"));
    String pom = Files.readString(project.resolve("pom.xml"));
    assertThat(pom)
        .contains("<tradecore.data.dir>" + dataDir.toAbsolutePath().normalize() + "<")
        .doesNotContain("@@", "unknown");
  }

  @Test
  void a_plug_in_may_not_take_the_language_model_strategy_s_name() throws IOException {
    Map<String, String> files = new java.util.HashMap<>(BUY_ALL);
    files.put(
        "src/acme/BuyAllProvider.java",
        BUY_ALL.get("src/acme/BuyAllProvider.java").replace("\"buy-all\"", "\"llm\""));
    Path jar =
        PluginJars.compile(
            PluginJars.write(dir.resolve("llm"), files).resolve("src"),
            dir.resolve("llm/res"),
            dataDir.resolve("strategies/llm.jar"));
    assertThat(fails("strategy", "list").err())
        .contains("strategy jar " + jar + ": the name llm is the language-model strategy's");
  }
}
