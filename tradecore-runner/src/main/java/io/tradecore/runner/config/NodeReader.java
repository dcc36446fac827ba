package io.tradecore.runner.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a YAML or JSON document from a Jackson parser into {@link Node}s that remember their lines.
 */
final class NodeReader {
  private static final Pattern MARK = Pattern.compile("line (\\d+), column (\\d+)");

  private final JsonParser parser;
  private final String source;

  private NodeReader(JsonParser parser, String source) {
    this.parser = parser;
    this.source = source;
  }

  /**
   * Reads the single document in {@code parser} (closing it); an empty document is an empty
   * mapping.
   */
  static Node.Mapping readDocument(JsonParser parser, String source) {
    try (parser) {
      return new NodeReader(parser, source).document();
    } catch (JsonProcessingException e) {
      throw malformed(source, parser instanceof YAMLParser ? "YAML" : "JSON", e);
    } catch (IOException e) {
      throw new ConfigException(source + ": cannot read (" + e + ")");
    }
  }

  private Node.Mapping document() throws IOException {
    if (parser.nextToken() == null) {
      return Node.Mapping.empty(origin());
    }
    Node root = value("");
    if (parser.nextToken() != null) {
      throw origin().error("", "only one document is allowed");
    }
    return switch (root) {
      case Node.Mapping mapping -> mapping;
      case Node.Scalar scalar when scalar.isNull() -> Node.Mapping.empty(scalar.origin());
      default ->
          throw root.origin().error("", "expected a mapping of settings, found " + root.describe());
    };
  }

  private Node value(String path) throws IOException {
    Origin origin = origin();
    JsonToken token = parser.currentToken();
    return switch (token) {
      case START_OBJECT -> mapping(path, origin);
      case START_ARRAY -> sequence(path, origin);
      default -> scalar(token, path, origin);
    };
  }

  private Node.Mapping mapping(String path, Origin origin) throws IOException {
    Map<String, Node> entries = new LinkedHashMap<>();
    Map<String, Origin> keys = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      Origin keyOrigin = origin();
      String keyPath = path.isEmpty() ? key : path + "." + key;
      if (entries.containsKey(key)) {
        throw keyOrigin.error("", "duplicate key '" + keyPath + "'");
      }
      parser.nextToken();
      keys.put(key, keyOrigin);
      entries.put(key, value(keyPath));
    }
    return new Node.Mapping(entries, keys, origin);
  }

  private Node.Sequence sequence(String path, Origin origin) throws IOException {
    List<Node> items = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      items.add(value(path + "[" + items.size() + "]"));
    }
    return new Node.Sequence(items, origin);
  }

  private Node.Scalar scalar(JsonToken token, String path, Origin origin) throws IOException {
    // Jackson reports a YAML alias (*name) as a plain string holding the name; refuse it.
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      throw origin.error(path, "YAML aliases (*" + parser.getText() + ") are not supported");
    }
    return switch (token) {
      case VALUE_NULL -> new Node.Scalar("null", Node.Scalar.Kind.NULL, origin);
      case VALUE_TRUE -> new Node.Scalar(parser.getText(), Node.Scalar.Kind.TRUE, origin);
      case VALUE_FALSE -> new Node.Scalar(parser.getText(), Node.Scalar.Kind.FALSE, origin);
      case VALUE_NUMBER_INT -> number(Node.Scalar.Kind.INTEGER, origin);
      case VALUE_NUMBER_FLOAT -> number(Node.Scalar.Kind.DECIMAL, origin);
      default -> new Node.Scalar(parser.getText(), Node.Scalar.Kind.STRING, origin);
    };
  }

  // YAML spellings such as 100_000, 0x1F or .5 are turned into plain decimal text here.
  private Node.Scalar number(Node.Scalar.Kind kind, Origin origin) throws IOException {
    String text;
    try {
      text =
          kind == Node.Scalar.Kind.INTEGER
              ? parser.getBigIntegerValue().toString()
              : parser.getDecimalValue().toString();
    } catch (JsonProcessingException | NumberFormatException e) {
      return new Node.Scalar(parser.getText(), Node.Scalar.Kind.STRING, origin); // .inf, .nan
    }
    return new Node.Scalar(text, kind, origin);
  }

  private Origin origin() {
    return Origin.file(source, parser.currentTokenLocation().getLineNr());
  }

  /**
   * Folds a parser error into one line; SnakeYAML's own marks are more precise than Jackson's, so
   * the last one in its message wins.
   */
  private static ConfigException malformed(
      String source, String format, JsonProcessingException e) {
    String original = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
    List<String> parts = new ArrayList<>();
    for (String line : original.split("\\R")) {
      // SnakeYAML indents its "in 'reader', line ..." marks and code snippets; keep the prose.
      if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        parts.add(line.strip());
      }
    }
    String problem = parts.isEmpty() ? original : String.join(": ", parts);
    problem = problem.replaceAll("\\s+at \\[Source: .*$", "");
    Matcher mark = MARK.matcher(original);
    String where = null;
    while (mark.find()) {
      where = "line " + mark.group(1) + " column " + mark.group(2);
    }
    JsonLocation location = e.getLocation();
    if (where == null && location != null && location.getLineNr() > 0) {
      where = "line " + location.getLineNr() + " column " + location.getColumnNr();
    }
    return new ConfigException(
        source + (where == null ? "" : " " + where) + ": malformed " + format + ": " + problem);
  }
}
