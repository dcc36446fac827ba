package io.tradecore.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleRunTest {
  @TempDir Path tmp;

  @Test
  void writesARealisticRunFolder() throws Exception {
    Path run = tmp.resolve("ppo-btc");
    Path trace = SampleRun.write(run, 30_001, 3, 42);
    assertThat(trace).isEqualTo(run.resolve("ppo-btc_actions.csv"));
    List<String> lines = Files.readAllLines(trace);
    assertThat(lines).hasSize(30_002);
    assertThat(lines.get(0))
        .isEqualTo("step,env,timestamp,price,action,position,cash,equity,reward,drawdown");
    assertThat(lines.get(1)).startsWith("0,0,2026-01-05T00:00:00Z,");
    assertThat(lines.get(3)).startsWith("0,2,");
    assertThat(lines.get(4)).startsWith("1,0,2026-01-05T00:01:00Z,");
    assertThat(lines.get(30_001)).startsWith("10000,0,");
    assertThat(lines.stream().skip(1)).allSatisfy(l -> assertThat(l.split(",", -1)).hasSize(10));
    long bad =
        lines.stream()
            .skip(1)
            .filter(
                l -> l.contains("nan") || l.contains("inf") || l.contains(",,") || l.endsWith(","))
            .count();
    assertThat(bad).isBetween(10L, 60L);

    ObjectMapper json = new ObjectMapper();
    JsonNode experiment = json.readTree(run.resolve("experiment.json").toFile());
    assertThat(experiment.get("algorithm").asText()).isEqualTo("PPO");
    assertThat(experiment.get("policy").asText()).isEqualTo("MlpPolicy");
    assertThat(experiment.get("n_envs").asInt()).isEqualTo(3);
    assertThat(experiment.get("symbols").size()).isEqualTo(3);
    assertThat(experiment.has("learning_rate")).isTrue();
    assertThat(experiment.has("gamma")).isTrue();
    JsonNode eval = json.readTree(run.resolve("eval_summary.json").toFile());
    assertThat(Math.abs(eval.get("mean_return_pct").asDouble())).isLessThan(1);
    assertThat(eval.get("max_drawdown").asDouble()).isBetween(0.0, 1.0);
    assertThat(eval.get("win_rate").asDouble()).isBetween(0.0, 1.0);
    assertThat(eval.get("episodes").asInt()).isEqualTo(3);
    assertThat(eval.get("final_equity").asDouble()).isPositive();
    try (ZipFile zip = new ZipFile(run.resolve("policy.zip").toFile())) {
      assertThat(zip.getEntry("policy.pth")).isNotNull();
    }
    assertThat(run.resolve("vecnormalize.pkl")).isNotEmptyFile();
  }

  @Test
  void isDeterministicPerSeedAndHasSpikes() throws Exception {
    Path a = SampleRun.write(tmp.resolve("a"), 200_000, 1, 11);
    Path b = SampleRun.write(tmp.resolve("b"), 200_000, 1, 11);
    Path c = SampleRun.write(tmp.resolve("c"), 200_000, 1, 12);
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
    CsvScan scan = CsvScan.read(a, "price");
    double[] p = scan.values("price");
    int jumps = 0;
    for (int i = 1; i < p.length; i++) {
      if (!Double.isNaN(p[i]) && !Double.isNaN(p[i - 1]) && Math.abs(p[i] / p[i - 1] - 1) > 0.025) {
        jumps++;
      }
    }
    // About one spike in 40,000 steps, each a jump and (mostly) its reversal.
    assertThat(jumps).isBetween(3, 40);
  }

  @Test
  void formatsNumbersLikeTheJdk() throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (AsciiOut out = new AsciiOut(bytes)) {
      out.putFixed(101.2345, 3).put((byte) ' ');
      out.putFixed(-0.0004, 3).put((byte) ' ');
      out.putFixed(-12.5, 0).put((byte) ' ');
      out.putFixed(0.05, 1).put((byte) ' ');
      out.putFixed(Double.NaN, 2).put((byte) ' ');
      out.putFixed(Double.NEGATIVE_INFINITY, 2).put((byte) ' ');
      out.putLong(Long.MIN_VALUE).put((byte) ' ');
      out.putLong(-42);
    }
    assertThat(bytes.toString(java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("101.235 0.000 -13 0.1 nan -inf -9223372036854775808 -42");
  }
}
