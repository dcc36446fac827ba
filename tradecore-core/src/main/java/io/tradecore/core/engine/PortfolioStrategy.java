package io.tradecore.core.engine;

import java.util.List;

/**
 * A strategy that sees the whole portfolio: after every moment has been matched, checked and
 * marked, it is shown every bar of the moment and the portfolio, and returns actions that name
 * their instruments. Strategies of one instrument ({@link Strategy}) run as one of these through
 * {@link PerInstrumentStrategies}.
 *
 * <p>A deterministic strategy answers the same moments the same way, so a restarted runner warms it
 * up by showing it the moments it had seen ({@link #onMoment}, actions dropped). A strategy that is
 * not (a language model, anything random) is never asked twice about a moment: its answers are
 * journaled before the engine acts on them and replayed after a restart; it sees those moments
 * through {@link #observe} only.
 */
public interface PortfolioStrategy {
  String name();

  /** Whether the same moments always give the same answers. */
  default boolean deterministic() {
    return true;
  }

  /**
   * The actions for this moment; an empty list holds. A strategy that answers later (it waits on a
   * model) returns an empty list and hands its answer to {@link MomentContext#answerLater}.
   */
  List<Action> onMoment(MomentContext context);

  /**
   * Shows a moment the strategy is not asked about (a warm-up, or a moment whose answer is
   * replayed), so it can keep the history it reads. Deterministic strategies are warmed up through
   * {@link #onMoment} instead.
   */
  default void observe(MomentContext context) {}
}
