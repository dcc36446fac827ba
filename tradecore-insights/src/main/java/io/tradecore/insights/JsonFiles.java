package io.tradecore.insights;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a run's JSON files leniently (Python's NaN and Infinity are accepted and kept as the
 * strings "nan", "inf" and "-inf", so the tree is valid JSON again); failures become a problem
 * text, never an exception. A problem says where the JSON breaks, never what the file holds.
 */
final class JsonFiles {
  static final long MAX_BYTES = 16L << 20;
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private JsonFiles() {}

  /** A parsed file, or the problem that stopped it being parsed. */
  record Parsed(JsonNode node, String problem) {}

  /** The file {@code file} of a run under {@code root}, read through {@link RunFileAccess}. */
  static Parsed read(Path root, Path file) {
    String name = file.getFileName().toString();
    try {
      byte[] bytes = RunFileAccess.read(root, file, MAX_BYTES);
      JsonNode node = JSON.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        return new Parsed(null, name + ": empty file");
      }
      return new Parsed(finite(node), null);
    } catch (RunFileAccess.Refused e) {
      return new Parsed(null, e.getMessage());
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String where =
          loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      return new Parsed(null, name + ": malformed JSON" + where);
    } catch (IOException e) {
      return new Parsed(null, name + ": cannot read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** {@code node} with non-finite numbers replaced by "nan", "inf" or "-inf". */
  private static JsonNode finite(JsonNode node) {
    if (node.isNumber() && node.numberType() != JsonParser.NumberType.BIG_DECIMAL) {
      double d = node.doubleValue();
      if (Double.isNaN(d)) {
        return TextNode.valueOf("nan");
      }
      if (Double.isInfinite(d) && (node.isDouble() || node.isFloat())) {
        return TextNode.valueOf(d > 0 ? "inf" : "-inf");
      }
      return node;
    }
    if (node instanceof ObjectNode obj) {
      List<String> names = new ArrayList<>();
      obj.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        obj.set(n, finite(obj.get(n)));
      }
    } else if (node instanceof ArrayNode arr) {
      for (int i = 0; i < arr.size(); i++) {
        arr.set(i, finite(arr.get(i)));
      }
    }
    return node;
  }
}
