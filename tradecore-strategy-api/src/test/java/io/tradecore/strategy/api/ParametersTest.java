package io.tradecore.strategy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametersTest {
  private static final Parameters PARAMS =
      Parameters.of(
          Param.integer("period", 14, "Bars in the average.").min("2").max("200"),
          Param.decimal("share", "0.5", "Share of the cash.").above("0").max("1"),
          Param.bool("short", false, "Whether to sell first."),
          Param.text("model", "", "A model file."));

  @Test
  void given_values_go_over_the_defaults_and_read_as_their_types() {
    Params p = PARAMS.check("demo", Map.of("period", " 20 ", "model", "m.onnx"));
    assertThat(p.integer("period")).isEqualTo(20);
    assertThat(p.decimal("share")).isEqualByComparingTo("0.5");
    assertThat(p.number("share")).isEqualTo(0.5);
    assertThat(p.bool("short")).isFalse();
    assertThat(p.text("model")).isEqualTo("m.onnx");
    assertThat(p.asMap())
        .containsExactly(
            Map.entry("model", "m.onnx"),
            Map.entry("period", "20"),
            Map.entry("share", "0.5"),
            Map.entry("short", "false"));
  }

  @Test
  void a_wrong_type_names_the_parameter_and_the_value() {
    assertThatThrownBy(() -> PARAMS.check("demo", Map.of("period", "1.5", "model", "m")))
        .hasMessage("parameter period of strategy demo must be a whole number but was '1.5'");
    assertThatThrownBy(() -> PARAMS.check("demo", Map.of("share", "half", "model", "m")))
        .hasMessage("parameter share of strategy demo must be a decimal number but was 'half'");
    assertThatThrownBy(() -> PARAMS.check("demo", Map.of("short", "yes", "model", "m")))
        .hasMessage("parameter short of strategy demo must be true or false but was 'yes'");
  }

  @Test
  void the_range_bounds_are_inclusive_or_exclusive_as_declared() {
    assertThat(
            PARAMS
                .check("demo", Map.of("period", "2", "share", "1", "model", "m"))
                .integer("period"))
        .isEqualTo(2);
    assertThatThrownBy(() -> PARAMS.check("demo", Map.of("period", "201", "model", "m")))
        .hasMessage("parameter period of strategy demo must be in [2, 200] but was '201'");
    assertThatThrownBy(() -> PARAMS.check("demo", Map.of("share", "0", "model", "m")))
        .hasMessage("parameter share of strategy demo must be in (0, 1] but was '0'");
    assertThat(Param.integer("n", 1, "").min("1").range()).isEqualTo("[1, ∞)");
    assertThat(Param.decimal("x", "1", "").below("5").range()).isEqualTo("(-∞, 5)");
  }

  @Test
  void unknown_names_and_missing_required_values_are_errors() {
    assertThatThrownBy(() -> PARAMS.check("demo", Map.of("perod", "3", "model", "m")))
        .hasMessage(
            "unknown parameter perod for strategy demo; it takes model, period, share, short");
    assertThatThrownBy(() -> PARAMS.check("demo", Map.of()))
        .hasMessage("strategy demo needs --param model=VALUE: A model file.");
    assertThatThrownBy(() -> PARAMS.check("demo", Map.of("model", "m", "period", " ")))
        .hasMessage("parameter period of strategy demo must be a whole number but was ' '");
  }

  @Test
  void a_description_is_checked_when_it_is_made() {
    assertThatThrownBy(() -> Parameters.of(Param.integer("a", 1, ""), Param.integer("a", 2, "")))
        .hasMessage("parameter a is declared twice");
    assertThatThrownBy(() -> Param.text("t", "x", "").min("1"))
        .hasMessage("parameter t: only numbers have a range");
    assertThat(Param.decimal("d", "1", "").above("0").min()).isEqualTo(new BigDecimal("0"));
  }
}
