package io.tradecore.core.domain;

/** What an order does for its plan: open the position, or close (part of) it. */
public enum OrderRole {
  ENTRY,
  EXIT
}
