package io.tradecore.llm.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A portfolio's hard limit on model spending in its base currency, in total and optionally per
 * trading day. Before a call its worst case is checked against what is left ({@link #refusal});
 * after it the actual cost is booked ({@link #book}). A worst case exactly equal to what is left is
 * allowed. Exact BigDecimal arithmetic; thread-safe.
 */
public final class SpendingCap {
  private final BigDecimal maxCost;
  private final BigDecimal maxCostPerDay;
  private final String currency;
  private final Map<LocalDate, BigDecimal> spentByDay;
  private BigDecimal spent;

  private SpendingCap(
      BigDecimal maxCost,
      BigDecimal maxCostPerDay,
      String currency,
      BigDecimal spent,
      Map<LocalDate, BigDecimal> spentByDay) {
    this.maxCost = Objects.requireNonNull(maxCost, "maxCost");
    this.maxCostPerDay = maxCostPerDay;
    this.currency = Objects.requireNonNull(currency, "currency");
    this.spent = Objects.requireNonNull(spent, "spent");
    this.spentByDay = new HashMap<>(spentByDay);
    if (maxCost.signum() < 0 || (maxCostPerDay != null && maxCostPerDay.signum() < 0)) {
      throw new IllegalArgumentException("spending caps must not be negative");
    }
  }

  /** A cap with nothing spent yet; {@code maxCostPerDay} may be null (no daily cap). */
  public static SpendingCap of(BigDecimal maxCost, BigDecimal maxCostPerDay, String currency) {
    return new SpendingCap(maxCost, maxCostPerDay, currency, BigDecimal.ZERO, Map.of());
  }

  /**
   * A cap that resumes after a restart: {@code spentSoFar} in total, of which {@code spentByDay} on
   * the days given (only the current day matters for the daily cap).
   */
  public static SpendingCap resume(
      BigDecimal maxCost,
      BigDecimal maxCostPerDay,
      String currency,
      BigDecimal spentSoFar,
      Map<LocalDate, BigDecimal> spentByDay) {
    return new SpendingCap(maxCost, maxCostPerDay, currency, spentSoFar, spentByDay);
  }

  /**
   * Why a call whose worst case is {@code worstCase} may not be made on {@code day}, or empty when
   * it may. The reason starts with "cap reached".
   */
  public synchronized Optional<String> refusal(LocalDate day, BigDecimal worstCase) {
    BigDecimal left = maxCost.subtract(spent);
    if (worstCase.compareTo(left) > 0) {
      return Optional.of(
          "cap reached: the call's worst case "
              + money(worstCase)
              + " exceeds the "
              + money(left.max(BigDecimal.ZERO))
              + " left of llm.max_cost "
              + money(maxCost));
    }
    if (maxCostPerDay != null) {
      BigDecimal leftToday = maxCostPerDay.subtract(spentOn(day));
      if (worstCase.compareTo(leftToday) > 0) {
        return Optional.of(
            "cap reached: the call's worst case "
                + money(worstCase)
                + " exceeds the "
                + money(leftToday.max(BigDecimal.ZERO))
                + " left of llm.max_cost_per_day "
                + money(maxCostPerDay)
                + " on "
                + day);
      }
    }
    return Optional.empty();
  }

  /** Books what a call cost on {@code day}. */
  public synchronized void book(LocalDate day, BigDecimal cost) {
    if (cost.signum() < 0) {
      throw new IllegalArgumentException("a cost must not be negative: " + cost);
    }
    spent = spent.add(cost);
    spentByDay.merge(day, cost, BigDecimal::add);
  }

  /** Everything booked so far. */
  public synchronized BigDecimal spent() {
    return spent;
  }

  /** What was booked on {@code day}. */
  public synchronized BigDecimal spentOn(LocalDate day) {
    return spentByDay.getOrDefault(day, BigDecimal.ZERO);
  }

  public BigDecimal maxCost() {
    return maxCost;
  }

  /** The daily cap, or null when there is none. */
  public BigDecimal maxCostPerDay() {
    return maxCostPerDay;
  }

  private String money(BigDecimal amount) {
    return amount.stripTrailingZeros().toPlainString() + " " + currency;
  }
}
