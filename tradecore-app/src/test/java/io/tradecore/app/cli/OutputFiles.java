package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads what the backtest wrote, with decimals kept exact. */
final class OutputFiles {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private OutputFiles() {}

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(Path file) throws IOException {
    return json(Files.readString(file));
  }

  /** The rows of a CSV file we wrote (no quoted cells) as column-to-cell maps. */
  static List<Map<String, String>> csv(Path file, String expectedHeader) throws IOException {
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).isNotEmpty();
    assertThat(lines.get(0)).isEqualTo(expectedHeader);
    String[] columns = expectedHeader.split(",");
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      assertThat(cells).hasSize(columns.length);
      Map<String, String> row = new java.util.LinkedHashMap<>();
      for (int i = 0; i < columns.length; i++) {
        row.put(columns[i], cells[i]);
      }
      rows.add(row);
    }
    return rows;
  }

  static BigDecimal sum(List<Map<String, String>> rows, String column) {
    return rows.stream()
        .map(r -> new BigDecimal(r.get(column)))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
