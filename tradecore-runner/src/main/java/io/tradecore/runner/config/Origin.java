package io.tradecore.runner.config;

/**
 * Where a configuration value came from: a line of a file (line 0 when unknown) or an environment
 * variable.
 */
record Origin(String source, int line, boolean environment) {

  static Origin file(String source, int line) {
    return new Origin(source, line, false);
  }

  static Origin env(String variable) {
    return new Origin(variable, 0, true);
  }

  /**
   * Describes this origin for the value at {@code path}, e.g. {@code tradecore.yaml line 7: a.b}.
   */
  String describe(String path) {
    if (environment) {
      return source; // the variable already names the setting
    }
    String where = line > 0 ? source + " line " + line : source;
    return path.isEmpty() ? where : where + ": " + path;
  }

  ConfigException error(String path, String problem) {
    return new ConfigException(describe(path) + ": " + problem);
  }
}
