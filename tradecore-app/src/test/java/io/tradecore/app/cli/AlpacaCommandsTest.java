package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A portfolio bound to an Alpaca account: created with {@code --venue alpaca}, and refused by
 * {@code run} on a replay, without keys, and on the live endpoint without {@code --live-confirm}.
 */
class AlpacaCommandsTest {
  @TempDir Path tmp;
  Workdir w;

  @BeforeEach
  void setUp() {
    w = new Workdir(tmp);
    w.ok("init");
  }

  private Cli.Run run(Map<String, String> extra, String... args) {
    Map<String, String> env = new HashMap<>(w.env);
    env.putAll(extra);
    return Cli.run(env, args);
  }

  @Test
  void portfolio_create_binds_a_portfolio_to_the_alpaca_venue() {
    String created = w.ok("portfolio", "create", "alp", "--venue", "alpaca");

    assertThat(created).contains("created portfolio alp", "venue           alpaca");
    assertThat(w.query("SELECT name || ' ' || venue FROM portfolios ORDER BY name"))
        .containsExactly("alp alpaca", "main paper");
    Cli.Run bad = w.run("portfolio", "create", "other", "--venue", "ibkr");
    assertThat(bad.exitCode()).isNotZero();
    assertThat(bad.err()).contains("--venue 'ibkr' is not one of paper, alpaca");
    assertThat(w.query("SELECT name FROM portfolios")).hasSize(2);
  }

  @Test
  void run_refuses_a_replay_missing_keys_and_the_live_endpoint_without_confirmation() {
    w.ok("portfolio", "create", "alp", "--venue", "alpaca");
    Path feed = w.zigzagFeed("AAPL", 30);

    Cli.Run replay =
        run(
            Map.of(),
            "run",
            "--portfolio",
            "alp",
            "--strategy",
            "sma-cross",
            "--feed",
            "replay:" + feed);
    assertThat(replay.exitCode()).isNotZero();
    assertThat(replay.err()).contains("trades an Alpaca account", "--feed alpaca:SYMBOL");

    Cli.Run noKeys =
        run(
            Map.of(),
            "run",
            "--portfolio",
            "alp",
            "--strategy",
            "sma-cross",
            "--feed",
            "alpaca:AAPL");
    assertThat(noKeys.exitCode()).isNotZero();
    assertThat(noKeys.err()).contains("APCA_API_KEY_ID is not set");

    Map<String, String> live =
        Map.of(
            "APCA_API_KEY_ID", "AKLIVEKEY0001",
            "APCA_API_SECRET_KEY", "liveSecretValue0001",
            "APCA_API_BASE_URL", "https://api.alpaca.markets");
    Cli.Run unconfirmed =
        run(live, "run", "--portfolio", "alp", "--strategy", "sma-cross", "--feed", "alpaca:AAPL");
    assertThat(unconfirmed.exitCode()).isNotZero();
    assertThat(unconfirmed.err())
        .contains("live endpoint", "real money", "--live-confirm")
        .doesNotContain("AKLIVEKEY0001")
        .doesNotContain("liveSecretValue0001");
    assertThat(w.query("SELECT COUNT(*) FROM runs")).containsExactly("0");
  }
}
