package io.tradecore.core.domain;

/** Identifies one start of a runner; metadata on what it did, never a scope. */
public record RunId(String value) {
  public RunId {
    Ids.check("RunId", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
