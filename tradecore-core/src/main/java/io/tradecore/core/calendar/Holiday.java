package io.tradecore.core.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A full-day closure of a market on a day it would otherwise trade, with its published name;
 * immutable and thread-safe.
 */
public record Holiday(LocalDate date, String name) {
  public Holiday {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("holiday on " + date + " needs a name");
    }
  }
}
