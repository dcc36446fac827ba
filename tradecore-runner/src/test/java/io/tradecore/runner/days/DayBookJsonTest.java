package io.tradecore.runner.days;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DayBookJsonTest {
  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  @Test
  void snapshotJsonIsTheTextJacksonWrites() {
    List<List<Map<String, Object>>> cases =
        List.of(
            List.of(),
            List.of(
                row(
                    "symbol",
                    "ORCL",
                    "quantity",
                    "100",
                    "average_cost",
                    "12.345",
                    "mark",
                    null,
                    "unrealized_pnl",
                    null)),
            List.of(
                row("plan_id", "plan-7", "symbol", "BRK.B", "stop", "-1.5", "target", null),
                row("plan_id", "plan-8", "symbol", "A B", "open_quantity", "0")),
            // Text that needs escaping goes through Jackson.
            List.of(row("symbol", "QUO\"TE", "note", "back\\slash")),
            List.of(row("symbol", "NEW\nLINE", "name", "Zürich")));
    for (List<Map<String, Object>> rows : cases) {
      assertThat(DayBook.write(rows)).isEqualTo(DayBook.jackson(rows));
    }
  }
}
