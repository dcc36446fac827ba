package io.tradecore.llm.request;

import io.tradecore.core.domain.PlanId;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the model is asked about at one moment of one portfolio: the portfolio, its open
 * positions and plans, each instrument's recent bars and indicators, and the allowed actions.
 * Rendered by {@link PromptRenderer} into the same text every time. Immutable and thread-safe.
 *
 * @param moment the time of the bars the decision is for
 * @param day the trading day of the moment, in the portfolio's time zone (the daily cap's day)
 * @param botVersion the bot_version the decisions will trade under
 */
public record DecisionRequest(
    PortfolioId portfolioId,
    RunId runId,
    String botVersion,
    Instant moment,
    LocalDate day,
    String baseCurrency,
    PortfolioBlock portfolio,
    List<PositionLine> positions,
    List<PlanLine> plans,
    List<InstrumentContext> instruments,
    AllowedActions allowed) {
  public DecisionRequest {
    Objects.requireNonNull(portfolioId, "portfolioId");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(botVersion, "botVersion");
    Objects.requireNonNull(moment, "moment");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(baseCurrency, "baseCurrency");
    Objects.requireNonNull(portfolio, "portfolio");
    Objects.requireNonNull(allowed, "allowed");
    positions = List.copyOf(positions);
    plans = List.copyOf(plans);
    instruments = List.copyOf(instruments);
    Set<String> shown = new HashSet<>();
    for (InstrumentContext i : instruments) {
      if (!shown.add(i.symbol())) {
        throw new IllegalArgumentException("instrument " + i.symbol() + " is listed twice");
      }
    }
    for (PlanLine plan : plans) {
      requireShown(shown, plan.symbol(), "plan " + plan.planId());
    }
    for (InstrumentAllowance allowance : allowed.instruments()) {
      requireShown(shown, allowance.symbol(), "an allowance");
    }
  }

  /** The instrument named {@code symbol}, or empty when it is not in the request. */
  public Optional<InstrumentContext> instrument(String symbol) {
    return instruments.stream().filter(i -> i.symbol().equals(symbol)).findFirst();
  }

  /** The open plan with {@code id}, or empty. */
  public Optional<PlanLine> plan(PlanId id) {
    return plans.stream().filter(p -> p.planId().equals(id)).findFirst();
  }

  // Plans and allowances are judged against their instrument's decimals and last price.
  private static void requireShown(Set<String> shown, String symbol, String what) {
    if (!shown.contains(symbol)) {
      throw new IllegalArgumentException(
          what + " names " + symbol + ", which is not among the request's instruments");
    }
  }
}
