package io.tradecore.core.domain;

/** Holds the validation shared by the typed id records. */
final class Ids {
  private Ids() {}

  static String check(String kind, String value) {
    if (value == null || value.isBlank() || value.length() > 128) {
      throw new IllegalArgumentException(
          kind + " must be 1-128 characters but was '" + value + "'");
    }
    return value;
  }
}
