package io.tradecore.app.cli;

import io.tradecore.app.Version;
import io.tradecore.app.output.BarCsvWriter;
import io.tradecore.core.domain.Instrument;
import io.tradecore.marketdata.SyntheticBars;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tradecore strategy new NAME}: writes a Maven project of one strategy (its own Maven
 * wrapper, the strategy on ta4j indicators, its provider, a test on bundled bars with the testkit,
 * a README) that builds offline against the installed TradeCore artifacts and copies its jar into
 * the data directory's strategies folder.
 */
@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Write a Maven project for a new strategy NAME; './mvnw -o package' in it builds, tests and"
            + " installs its jar in <data_dir>/strategies/.")
public final class StrategyNewCommand implements Callable<Integer> {
  private static final String TEMPLATE = "/io/tradecore/app/template/";

  private final Map<String, String> env;

  @Spec private CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "NAME",
      description = "The strategy's name: lower-case letters, digits and dashes, e.g. my-trend.")
  private String name;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Where to write the project (default: ./NAME); it must not exist yet.")
  private Path dir;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Config file whose data_dir the project installs into (default: TRADECORE_CONFIG or"
              + " ./tradecore.yaml).")
  private Path config;

  public StrategyNewCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    if (!name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
      throw new ParameterException(
          spec.commandLine(),
          "strategy name '"
              + name
              + "' must be lower-case letters, digits and single dashes, starting with a letter");
    }
    Path target = (dir == null ? Path.of(name) : dir).toAbsolutePath().normalize();
    if (Files.exists(target)) {
      throw new ParameterException(
          spec.commandLine(), target + " already exists; choose another --dir");
    }
    Path dataDir = Workspace.config(config, env).dataDir().toAbsolutePath().normalize();
    String className = className(name);
    String pkg = "strategies." + name.replace("-", "");
    String pkgPath = pkg.replace('.', '/');
    Map<String, String> values = new LinkedHashMap<>();
    values.put("@@NAME@@", name);
    values.put("@@CLASS@@", className);
    values.put("@@PACKAGE_PATH@@", pkgPath);
    values.put("@@PACKAGE@@", pkg);
    values.put("@@TRADECORE_VERSION@@", Version.current());
    values.put("@@DATA_DIR@@", dataDir.toString());
    // The test libraries of TradeCore's own build, so an offline build finds them.
    values.put("@@JUNIT_VERSION@@", Version.property("junit.version"));
    values.put("@@ASSERTJ_VERSION@@", Version.property("assertj.version"));

    write(target.resolve("pom.xml"), fill("pom.xml.template", values));
    write(target.resolve("README.md"), fill("README.md.template", values));
    Path main = target.resolve("src/main/java").resolve(pkgPath);
    write(main.resolve(className + ".java"), fill("Strategy.java.template", values));
    write(main.resolve(className + "Provider.java"), fill("Provider.java.template", values));
    write(
        target.resolve(
            "src/main/resources/META-INF/services/io.tradecore.strategy.api.StrategyProvider"),
        fill("services.template", values));
    write(
        target.resolve("src/test/java").resolve(pkgPath).resolve(className + "Test.java"),
        fill("Test.java.template", values));
    Path bars = target.resolve("src/test/resources/bars.csv");
    Files.createDirectories(bars.getParent());
    BarCsvWriter.write(
        bars,
        SyntheticBars.generate(
            Instrument.of("DEMO", "USD", 2), LocalDate.of(2024, 1, 2), 500, 42, 100));
    write(target.resolve("mvnw"), resource("wrapper/mvnw"));
    write(target.resolve("mvnw.cmd"), resource("wrapper/mvnw.cmd"));
    write(
        target.resolve(".mvn/wrapper/maven-wrapper.properties"),
        resource("wrapper/.mvn/wrapper/maven-wrapper.properties"));
    // The wrapper runs Maven on a JDK 21 or newer that this script finds, as TradeCore's does.
    write(target.resolve(".ci/find-jdk.sh"), resource("wrapper/.ci/find-jdk.sh"));
    target.resolve("mvnw").toFile().setExecutable(true, false);

    PrintWriter out = spec.commandLine().getOut();
    out.printf("wrote the strategy project %s to %s%n", name, target);
    out.printf("  build, test and install it: cd %s && ./mvnw -o package%n", target);
    out.printf("  its jar goes to %s%n", dataDir.resolve(StrategyPlugins.FOLDER));
    out.printf("  then: tradecore backtest --strategy %s --data FILE.csv%n", name);
    out.flush();
    return 0;
  }

  /** {@code my-trend} as {@code MyTrend}. */
  static String className(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : name.split("-")) {
      out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
    }
    return out.toString();
  }

  private static String fill(String template, Map<String, String> values) {
    String text = resource(template);
    for (Map.Entry<String, String> v : values.entrySet()) {
      text = text.replace(v.getKey(), v.getValue());
    }
    return text;
  }

  private static String resource(String name) {
    try (InputStream in = StrategyNewCommand.class.getResourceAsStream(TEMPLATE + name)) {
      if (in == null) {
        throw new IllegalStateException("the app lacks its template file " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
