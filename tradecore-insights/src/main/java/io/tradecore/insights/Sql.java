package io.tradecore.insights;

import java.nio.file.Path;

/** Quoting for the few values that are spliced into DuckDB SQL text. */
final class Sql {
  private Sql() {}

  /** A double-quoted identifier: {@code "my ""col"""}. */
  static String ident(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** A single-quoted string literal: {@code 'it''s'}. */
  static String literal(String text) {
    return '\'' + text.replace("'", "''") + '\'';
  }

  /** A file's absolute path as a string literal. */
  static String path(Path file) {
    return literal(file.toAbsolutePath().toString());
  }
}
