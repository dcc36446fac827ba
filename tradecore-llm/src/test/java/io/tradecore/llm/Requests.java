package io.tradecore.llm;

import io.tradecore.core.domain.PlanId;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import io.tradecore.core.domain.Side;
import io.tradecore.llm.request.AllowedActions;
import io.tradecore.llm.request.BarLine;
import io.tradecore.llm.request.DecisionRequest;
import io.tradecore.llm.request.InstrumentAllowance;
import io.tradecore.llm.request.InstrumentContext;
import io.tradecore.llm.request.PlanLine;
import io.tradecore.llm.request.PortfolioBlock;
import io.tradecore.llm.request.PositionLine;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A realistic decision request: ORCL (held through plan-1, shorting allowed) and AAPL (no
 * shorting), 30 daily bars each, ten thousand dollars of buying power.
 */
public final class Requests {
  public static final PortfolioId PORTFOLIO = new PortfolioId("p-llm");
  public static final RunId RUN = new RunId("run-1");
  public static final Instant MOMENT = Instant.parse("2024-06-03T00:00:00Z");
  public static final PlanId PLAN_1 = new PlanId("plan-1");
  public static final PlanId PLAN_2 = new PlanId("plan-2");

  private Requests() {}

  public static DecisionRequest request() {
    return request(MOMENT, RUN);
  }

  public static DecisionRequest request(Instant moment, RunId run) {
    return new DecisionRequest(
        PORTFOLIO,
        run,
        "v1",
        moment,
        LocalDate.ofInstant(moment, java.time.ZoneOffset.UTC),
        "USD",
        new PortfolioBlock(
            d("20150.00"),
            d("19150.00"),
            d("120.00"),
            d("50.00"),
            d("150.00"),
            d("1000.00"),
            d("1000.00"),
            d("12.40"),
            d("0.0312"),
            List.of(
                new PortfolioBlock.VersionSlice(
                    "v1", d("120.00"), d("50.00"), d("12.40"), d("0.0312")))),
        List.of(
            new PositionLine("ORCL", d("10"), d("95.00"), d("100.00"), d("1000.00"), d("50.00"))),
        List.of(
            new PlanLine(
                PLAN_1, "ORCL", Side.BUY, "ACTIVE", d("10"), null, d("90.00"), d("120.00"), null),
            new PlanLine(
                PLAN_2, "AAPL", Side.BUY, "PENDING", d("5"), d("185.00"), d("180.00"), null, null)),
        List.of(
            InstrumentContext.of("ORCL", "USD", 2, 0, bars(moment, "85.50", "0.50"), 10),
            InstrumentContext.of("AAPL", "USD", 2, 0, bars(moment, "204.50", "-0.50"), 10)),
        new AllowedActions(
            List.of(
                new InstrumentAllowance("ORCL", d("100.00"), d("50"), d("50"), true),
                new InstrumentAllowance("AAPL", d("190.00"), d("20"), d("0"), false)),
            d("10000"),
            List.of(PLAN_1),
            List.of(PLAN_1, PLAN_2)));
  }

  /** 30 daily bars ending the day before {@code moment}, closing at {@code first + i * step}. */
  static List<BarLine> bars(Instant moment, String first, String step) {
    List<BarLine> bars = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      BigDecimal close = d(first).add(d(step).multiply(BigDecimal.valueOf(i)));
      bars.add(
          new BarLine(
              moment.minus(Duration.ofDays(30 - i)),
              close.subtract(d("0.25")),
              close.add(d("1.00")),
              close.subtract(d("1.00")),
              close,
              d("1250000")));
    }
    return bars;
  }

  public static BigDecimal d(String text) {
    return new BigDecimal(text);
  }
}
