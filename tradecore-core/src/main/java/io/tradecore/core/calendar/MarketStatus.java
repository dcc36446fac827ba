package io.tradecore.core.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A market's status at an instant: its state, the market-local {@code date} of the instant, that
 * date's session (present only on trading days) or holiday, and the next session open and close
 * strictly after the instant (for an open market, {@code nextClose} is the current session's
 * close). Immutable and thread-safe.
 */
public record MarketStatus(
    String calendarId,
    Instant at,
    MarketState state,
    LocalDate date,
    Optional<Session> session,
    Optional<Holiday> holiday,
    Instant nextOpen,
    Instant nextClose) {
  public MarketStatus {
    Objects.requireNonNull(calendarId, "calendarId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(holiday, "holiday");
    Objects.requireNonNull(nextOpen, "nextOpen");
    Objects.requireNonNull(nextClose, "nextClose");
  }

  /** Whether {@link #date} is a trading day whose session closes early. */
  public boolean earlyCloseDay() {
    return session.map(Session::earlyClose).orElse(false);
  }

  /** Whether {@link #date} is a trading day. */
  public boolean tradingDay() {
    return session.isPresent();
  }

  public boolean isOpen() {
    return state == MarketState.OPEN;
  }
}
