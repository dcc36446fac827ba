package io.tradecore.app.cli;

import static io.tradecore.app.cli.OutputFiles.csv;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.app.output.OutputWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backtest --whole-shares}: an exchange without fractional shares. */
class WholeSharesCommandTest {
  @TempDir Path tmp;

  @Test
  void every_fill_is_a_whole_number_of_shares_with_the_flag_and_not_without_it() {
    String shared = System.getProperty("tradecore.shared");
    Path nvda = shared == null ? null : Path.of(shared, "data", "market", "nvda-1999-2014.txt");
    if (nvda == null || !Files.isRegularFile(nvda)) {
      String reason = "skipping: NVDA data not found (tradecore.shared=" + shared + ")";
      System.out.println(reason);
      Assumptions.abort(reason);
    }
    List<Map<String, String>> whole = fills(nvda, "whole", "--whole-shares");
    List<Map<String, String>> fractional = fills(nvda, "fractional");

    assertThat(whole).isNotEmpty();
    assertThat(whole)
        .allSatisfy(
            f ->
                assertThat(new BigDecimal(f.get("quantity")).stripTrailingZeros().scale())
                    .as("quantity %s", f.get("quantity"))
                    .isLessThanOrEqualTo(0));
    assertThat(fractional)
        .anyMatch(f -> new BigDecimal(f.get("quantity")).stripTrailingZeros().scale() > 0);
  }

  private List<Map<String, String>> fills(Path nvda, String name, String... extra) {
    Path out = tmp.resolve(name);
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "backtest",
                "--data",
                nvda.toString(),
                "--symbol",
                "NVDA",
                "--strategy",
                "sma-cross",
                "--fee-bps",
                "5",
                "--min-fee",
                "1",
                "--out",
                out.toString()));
    args.addAll(List.of(extra));
    Cli.Run run = Cli.run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    try {
      return csv(out.resolve("fills.csv"), OutputWriter.FILLS_HEADER);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
