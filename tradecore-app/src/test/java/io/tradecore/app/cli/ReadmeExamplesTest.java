package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.runner.config.TradeCoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's examples, taken from the README itself, do what it says. */
class ReadmeExamplesTest {
  @TempDir Path tmp;

  @Test
  void the_fill_import_example_imports_with_the_defaults_of_its_empty_optional_fields() {
    Workdir w = new Workdir(tmp);
    w.ok("init");
    String example = Readme.block("### Import fills", "trade_id,");
    Path file = w.write("trades.csv", example);

    String out = w.ok("import", "fills", "--portfolio", "main", file.toString());

    assertThat(out).startsWith("imported 1 new fill(s), 0 already present");
    assertThat(
            w.query(
                "SELECT trade_id, client_order_id, bot_version, symbol, side, quantity, price, fee"
                    + " FROM fills"))
        .containsExactly("T-1001,import-T-1001,import,ORCL,BUY,10.000000,112.50,1.00");
  }

  @Test
  void the_configuration_example_shows_the_built_in_defaults_of_what_it_does_not_mark_optional()
      throws Exception {
    Path file =
        Files.writeString(
            Files.createDirectories(tmp.resolve("example")).resolve("tradecore.yaml"),
            Readme.block("### Configuration file and environment", "data_dir:"));

    TradeCoreConfig example = TradeCoreConfig.load(file, Map.of(), tmp);
    TradeCoreConfig builtIn = TradeCoreConfig.load(null, Map.of(), tmp);

    assertThat(example.portfolioDefaults()).isEqualTo(builtIn.portfolioDefaults());
    assertThat(example.runner()).isEqualTo(builtIn.runner());
    assertThat(example.marketData()).isEqualTo(builtIn.marketData());
    assertThat(example.database().poolSize()).isEqualTo(builtIn.database().poolSize());
    assertThat(example.portfolios()).containsKey("swing");
  }
}
