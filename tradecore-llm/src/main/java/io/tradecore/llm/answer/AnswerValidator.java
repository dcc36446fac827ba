package io.tradecore.llm.answer;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.core.domain.PlanId;
import io.tradecore.core.domain.Side;
import io.tradecore.llm.answer.DecisionFields.Refused;
import io.tradecore.llm.request.DecisionRequest;
import io.tradecore.llm.request.InstrumentAllowance;
import io.tradecore.llm.request.InstrumentContext;
import io.tradecore.llm.request.PlanLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a model's answer against the schema and the request's allowed actions. Each decision is
 * accepted or refused on its own, in order; new plans are counted together against each
 * instrument's maximum and the buying power, and a plan may be decided on once per answer. Not
 * thread-safe; {@link #validate} makes a fresh one per answer.
 */
public final class AnswerValidator {
  private final DecisionRequest request;
  private final List<Decision> accepted = new ArrayList<>();
  private final List<Refusal> refusals = new ArrayList<>();
  private final Map<String, BigDecimal> orderedBySymbolAndSide = new HashMap<>();
  private final Set<PlanId> decidedPlans = new HashSet<>();
  private BigDecimal committed = BigDecimal.ZERO;

  private AnswerValidator(DecisionRequest request) {
    this.request = request;
  }

  /**
   * The accepted decisions and the refusals of {@code answer}, given what {@code request} allows.
   */
  public static Verdict validate(String answer, DecisionRequest request) {
    return new AnswerValidator(request).run(answer);
  }

  private Verdict run(String answer) {
    AnswerReader.Result read = AnswerReader.read(answer);
    if (read.tree() == null) {
      return refusedWhole(RefusalReason.MALFORMED_JSON, read.problem());
    }
    JsonNode root = read.tree();
    if (!root.isObject()) {
      return refusedWhole(RefusalReason.SCHEMA_VIOLATION, "the answer must be a JSON object");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("decisions")) {
        return refusedWhole(RefusalReason.SCHEMA_VIOLATION, "unknown field '" + name + "'");
      }
    }
    JsonNode decisions = root.get("decisions");
    if (decisions == null || !decisions.isArray()) {
      return refusedWhole(RefusalReason.SCHEMA_VIOLATION, "the answer needs a 'decisions' list");
    }
    for (int i = 0; i < decisions.size(); i++) {
      try {
        accepted.add(decision(DecisionFields.of(decisions.get(i))));
      } catch (Refused refused) {
        refusals.add(new Refusal(i, refused.reason(), refused.getMessage()));
      }
    }
    return new Verdict(accepted, refusals);
  }

  private static Verdict refusedWhole(RefusalReason reason, String detail) {
    return new Verdict(List.of(), List.of(new Refusal(-1, reason, detail)));
  }

  private Decision decision(DecisionFields f) {
    String action = f.text("action");
    if (action == null) {
      throw new Refused(RefusalReason.SCHEMA_VIOLATION, "a decision needs an action");
    }
    String reason = f.text("reason");
    if (reason == null || reason.isBlank()) {
      throw new Refused(RefusalReason.MISSING_REASON, action + " has no reason");
    }
    return switch (action) {
      case "open_plan" -> openPlan(f, reason.strip());
      case "adjust_plan" -> adjustPlan(f, reason.strip());
      case "close_plan" -> new Decision.ClosePlan(plan(f, "close_plan", false), reason.strip());
      case "hold" -> new Decision.Hold(reason.strip());
      default ->
          throw new Refused(
              RefusalReason.SCHEMA_VIOLATION,
              "unknown action '"
                  + action
                  + "' (allowed: open_plan, adjust_plan, close_plan, hold)");
    };
  }

  private Decision openPlan(DecisionFields f, String reason) {
    String symbol = f.requiredText("instrument", "open_plan");
    InstrumentAllowance allowance =
        request
            .allowed()
            .instrument(symbol)
            .orElseThrow(
                () ->
                    new Refused(
                        RefusalReason.UNKNOWN_INSTRUMENT,
                        "instrument '" + symbol + "' is not allowed (allowed: " + symbols() + ")"));
    InstrumentContext instrument = request.instrument(symbol).orElseThrow();
    Side side = side(f.requiredText("side", "open_plan"));
    if (side == Side.SELL && !allowance.shortingAllowed()) {
      throw new Refused(
          RefusalReason.SHORTING_NOT_ALLOWED, "shorting " + symbol + " is not allowed");
    }
    BigDecimal quantity =
        decimals(
            positive(f.requiredNumber("quantity", "open_plan"), "quantity"),
            instrument.quantityScale(),
            "quantity");
    Entry entry = entry(f, instrument);
    BigDecimal reference =
        entry instanceof Entry.Limit limit ? limit.price() : allowance.lastPrice();
    BigDecimal stop = price(f.requiredNumber("stop", "open_plan"), instrument, "stop");
    BigDecimal target =
        f.number("target") == null ? null : price(f.number("target"), instrument, "target");
    checkSides(
        side, stop, target, reference, entry instanceof Entry.Limit ? "entry" : "last price");
    BigDecimal max = side == Side.BUY ? allowance.maxBuyQuantity() : allowance.maxSellQuantity();
    String key = symbol + " " + side;
    BigDecimal total = orderedBySymbolAndSide.getOrDefault(key, BigDecimal.ZERO).add(quantity);
    if (total.compareTo(max) > 0) {
      throw new Refused(
          RefusalReason.OVERSIZED_ORDER,
          "quantity "
              + plain(quantity)
              + (total.equals(quantity) ? "" : " (" + plain(total) + " with earlier decisions)")
              + " exceeds the maximum "
              + plain(max)
              + " for "
              + side.name().toLowerCase(java.util.Locale.ROOT)
              + " "
              + symbol);
    }
    BigDecimal value = quantity.multiply(reference);
    if (committed.add(value).compareTo(request.allowed().buyingPower()) > 0) {
      throw new Refused(
          RefusalReason.OVERSIZED_ORDER,
          "value "
              + plain(value)
              + " with "
              + plain(committed)
              + " of earlier decisions exceeds the buying power "
              + plain(request.allowed().buyingPower()));
    }
    orderedBySymbolAndSide.put(key, total);
    committed = committed.add(value);
    return new Decision.OpenPlan(symbol, side, quantity, entry, stop, target, reason);
  }

  private Decision adjustPlan(DecisionFields f, String reason) {
    PlanId id = plan(f, "adjust_plan", true);
    PlanLine plan = request.plan(id).orElseThrow();
    InstrumentContext instrument = request.instrument(plan.symbol()).orElseThrow();
    BigDecimal stop = f.number("stop") == null ? null : price(f.number("stop"), instrument, "stop");
    BigDecimal target =
        f.number("target") == null ? null : price(f.number("target"), instrument, "target");
    if (stop == null && target == null) {
      throw new Refused(RefusalReason.MISSING_FIELD, "adjust_plan needs a stop or a target");
    }
    checkSides(plan.side(), stop, target, instrument.lastPrice(), "last price");
    return new Decision.AdjustPlan(id, stop, target, reason);
  }

  /** The plan a decision names, once it is known, allowed and not yet decided on. */
  private PlanId plan(DecisionFields f, String action, boolean adjusting) {
    String text = f.requiredText("plan_id", action);
    PlanId id = new PlanId(text);
    if (request.plan(id).isEmpty()) {
      throw new Refused(RefusalReason.UNKNOWN_PLAN, "plan '" + text + "' is not an open plan");
    }
    List<PlanId> allowed =
        adjusting ? request.allowed().adjustablePlans() : request.allowed().closablePlans();
    if (!allowed.contains(id)) {
      throw new Refused(
          RefusalReason.PLAN_NOT_ALLOWED, action + " is not allowed on plan '" + text + "'");
    }
    if (!decidedPlans.add(id)) {
      throw new Refused(
          RefusalReason.DUPLICATE_PLAN_DECISION,
          "plan '" + text + "' was already decided on in this answer");
    }
    return id;
  }

  private static Side side(String text) {
    return switch (text) {
      case "buy" -> Side.BUY;
      case "sell" -> Side.SELL;
      default ->
          throw new Refused(
              RefusalReason.SCHEMA_VIOLATION, "side '" + text + "' is not buy or sell");
    };
  }

  private static Entry entry(DecisionFields f, InstrumentContext instrument) {
    String entry = f.requiredText("entry", "open_plan");
    return switch (entry) {
      case "market" -> Entry.market();
      case "limit" ->
          Entry.limit(
              price(f.requiredNumber("limit_price", "a limit entry"), instrument, "limit_price"));
      default ->
          throw new Refused(
              RefusalReason.SCHEMA_VIOLATION, "entry '" + entry + "' is not market or limit");
    };
  }

  private static void checkSides(
      Side side, BigDecimal stop, BigDecimal target, BigDecimal reference, String against) {
    int sign = side == Side.BUY ? 1 : -1;
    if (stop != null && Integer.signum(stop.compareTo(reference)) != -sign) {
      throw new Refused(
          RefusalReason.STOP_WRONG_SIDE,
          "a "
              + side.name().toLowerCase(java.util.Locale.ROOT)
              + "'s stop "
              + plain(stop)
              + " must be "
              + (side == Side.BUY ? "below" : "above")
              + " the "
              + against
              + " "
              + plain(reference));
    }
    if (target != null && Integer.signum(target.compareTo(reference)) != sign) {
      throw new Refused(
          RefusalReason.TARGET_WRONG_SIDE,
          "a "
              + side.name().toLowerCase(java.util.Locale.ROOT)
              + "'s target "
              + plain(target)
              + " must be "
              + (side == Side.BUY ? "above" : "below")
              + " the "
              + against
              + " "
              + plain(reference));
    }
  }

  private static BigDecimal price(BigDecimal value, InstrumentContext instrument, String field) {
    return decimals(positive(value, field), instrument.priceScale(), field);
  }

  private static BigDecimal positive(BigDecimal value, String field) {
    if (value.signum() <= 0) {
      throw new Refused(
          RefusalReason.NOT_POSITIVE, field + " " + plain(value) + " must be greater than 0");
    }
    return value;
  }

  private static BigDecimal decimals(BigDecimal value, int scale, String field) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() > scale) {
      throw new Refused(
          RefusalReason.TOO_PRECISE,
          field + " " + plain(value) + " has more than " + scale + " decimals");
    }
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private String symbols() {
    List<String> symbols =
        request.allowed().instruments().stream().map(InstrumentAllowance::symbol).sorted().toList();
    return symbols.isEmpty() ? "none" : String.join(", ", symbols);
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
