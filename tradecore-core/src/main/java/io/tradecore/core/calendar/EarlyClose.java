package io.tradecore.core.calendar;

import java.time.LocalDate;
import java.time.LocalTime;

/** An early close produced by a calendar rule; immutable and thread-safe. */
record EarlyClose(LocalDate date, LocalTime close, String reason) {}
