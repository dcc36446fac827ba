package io.tradecore.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradecore.llm.FakeOpenAi.Completion;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model for {@link FakeOpenAi} that trades from what the prompt shows: on an instrument it holds
 * no plan in, it opens a small long plan (stop 10% below the last price, target 20% above); on one
 * it holds a plan in, it closes the plan. With a {@link Random} it picks one instrument, or holds,
 * at random. Usage is the prompt's length in characters over four, and 60 tokens out.
 */
public final class Trader {
  private static final Pattern MOMENT = Pattern.compile("^MOMENT (\\S+)", Pattern.MULTILINE);
  private static final Pattern ALLOWED =
      Pattern.compile(
          "^  ([A-Za-z0-9._/:-]+): last price ([0-9.]+), buy up to ([0-9.]+)", Pattern.MULTILINE);
  private static final Pattern SCALE =
      Pattern.compile(
          "^INSTRUMENT ([A-Za-z0-9._/:-]+) \\(.*price decimals (\\d+)\\)", Pattern.MULTILINE);
  private static final Pattern PLAN =
      Pattern.compile("^(plan-\\d+), ([A-Za-z0-9._/:-]+), ", Pattern.MULTILINE);

  private Trader() {}

  /** The moment a request asks about, as the prompt shows it (a daily bar's date alone). */
  public static String moment(JsonNode request) {
    Matcher m = MOMENT.matcher(FakeOpenAi.userMessage(request));
    return m.find() ? m.group(1) : "";
  }

  /** Opens on every instrument without a plan, closes every plan (quantity {@code size}). */
  public static FakeOpenAi.Reply alternate(JsonNode request, String size) {
    return answer(request, size, null);
  }

  /** Acts on one instrument picked by {@code random}, or holds. */
  public static FakeOpenAi.Reply random(JsonNode request, String size, Random random) {
    return answer(request, size, random);
  }

  private static FakeOpenAi.Reply answer(JsonNode request, String size, Random random) {
    String user = FakeOpenAi.userMessage(request);
    Map<String, String> plans = new LinkedHashMap<>();
    Matcher p = PLAN.matcher(user);
    while (p.find()) {
      plans.put(p.group(2), p.group(1));
    }
    Map<String, BigDecimal> prices = new LinkedHashMap<>();
    Map<String, BigDecimal> maxima = new LinkedHashMap<>();
    Matcher a = ALLOWED.matcher(user);
    while (a.find()) {
      prices.put(a.group(1), new BigDecimal(a.group(2)));
      maxima.put(a.group(1), new BigDecimal(a.group(3)));
    }
    Map<String, Integer> scales = new LinkedHashMap<>();
    Matcher sc = SCALE.matcher(user);
    while (sc.find()) {
      scales.put(sc.group(1), Integer.parseInt(sc.group(2)));
    }
    List<String> symbols = new ArrayList<>(prices.keySet());
    if (random != null) {
      int pick = random.nextInt(symbols.size() + 2);
      symbols = pick < symbols.size() ? List.of(symbols.get(pick)) : List.of();
    }
    List<String> decisions = new ArrayList<>();
    for (String symbol : symbols) {
      String plan = plans.get(symbol);
      if (plan != null) {
        decisions.add(Answers.close(plan, "take profit or loss on " + symbol));
      } else if (maxima.get(symbol).compareTo(new BigDecimal(size)) >= 0) {
        BigDecimal last = prices.get(symbol);
        int scale = scales.getOrDefault(symbol, 2);
        decisions.add(
            Answers.open(
                symbol,
                "buy",
                size,
                "market",
                null,
                last.multiply(new BigDecimal("0.9"))
                    .setScale(scale, RoundingMode.DOWN)
                    .toPlainString(),
                last.multiply(new BigDecimal("1.2"))
                    .setScale(scale, RoundingMode.UP)
                    .toPlainString(),
                "a long on " + symbol));
      }
    }
    if (decisions.isEmpty()) {
      decisions.add(Answers.hold("nothing to do"));
    }
    return new Completion(Answers.of(decisions.toArray(String[]::new)), user.length() / 4, 60);
  }

  /** When {@code moment} as the prompt shows it is, for tests that count per moment. */
  public static Instant instant(String moment) {
    return moment.length() == 10 ? Instant.parse(moment + "T00:00:00Z") : Instant.parse(moment);
  }
}
