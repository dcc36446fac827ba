package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
}
