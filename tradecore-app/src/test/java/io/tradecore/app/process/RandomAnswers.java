package io.tradecore.app.process;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Side;
import io.tradecore.core.domain.TimeInForce;
import io.tradecore.core.engine.Action;
import io.tradecore.core.engine.MomentContext;
import io.tradecore.core.engine.PortfolioStrategy;
import io.tradecore.core.plan.Plan;
import io.tradecore.core.plan.PlanSpec;
import io.tradecore.core.plan.Sizing;
import java.security.SecureRandom;
import java.util.List;

/**
 * A strategy that answers at random, from a source no seed can repeat: like a language model, it is
 * not deterministic, so a restarted runner must replay its recorded answers instead of asking
 * again. Per moment it may open a plan of two units on one of the moment's symbols, or close the
 * open plan there.
 */
final class RandomAnswers implements PortfolioStrategy {
  private final SecureRandom random = new SecureRandom();

  @Override
  public String name() {
    return "random-answers";
  }

  @Override
  public boolean deterministic() {
    return false;
  }

  @Override
  public List<Action> onMoment(MomentContext context) {
    if (random.nextInt(10) >= 4) {
      return List.of();
    }
    Bar bar = context.bars().get(random.nextInt(context.bars().size()));
    List<Plan> open = context.portfolio().openPlans(bar.instrument());
    if (!open.isEmpty()) {
      return List.of(new Action.ClosePlan(open.get(0).id()));
    }
    return List.of(
        new Action.OpenPlan(
            bar.instrument(),
            new PlanSpec(
                Side.BUY,
                new Sizing.Fixed(bar.instrument().quantity(2)),
                0,
                0,
                0,
                0,
                TimeInForce.GTC)));
  }
}
