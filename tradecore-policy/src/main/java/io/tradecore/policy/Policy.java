package io.tradecore.policy;

import java.nio.file.Path;

/**
 * A trained policy ready to trade: its spec and model, turning a window of an instrument's bars and
 * the portfolio into a {@link Decision}. Per bar it builds the observation (double maths),
 * normalises it like VecNormalize, runs the model and maps the action, reusing its buffers: the
 * only allocations are the decision and onnxruntime's own. Deterministic; not thread-safe (one
 * engine thread).
 */
public final class Policy implements AutoCloseable {
  private final PolicySpec spec;
  private final PolicyModel model;
  private final ObservationBuilder observations;
  private final ActionMapper actions;
  private final int barsNeeded;
  private final double[] raw;
  private final double[] normalized;
  private final double[] output;

  Policy(PolicySpec spec, PolicyModel model) {
    this.spec = spec;
    this.model = model;
    this.observations = new ObservationBuilder(spec.features());
    this.actions = new ActionMapper(spec.action(), model.file());
    this.barsNeeded = spec.barsNeeded();
    this.raw = new double[observations.size()];
    this.normalized = new double[observations.size()];
    this.output = new double[model.outputSize()];
  }

  /**
   * Loads {@code model} with the spec beside it ({@code model.onnx} and {@code model.spec.json}).
   */
  public static Policy load(Path model) {
    return load(model, PolicySpec.specFileFor(model));
  }

  /**
   * Loads {@code model} with the spec in {@code specFile}.
   *
   * @throws InvalidPolicyException with a one-line message naming the file at fault
   */
  public static Policy load(Path model, Path specFile) {
    PolicySpec spec = PolicySpecReader.read(specFile);
    return new Policy(spec, PolicyModel.load(model, spec, specFile));
  }

  public PolicySpec spec() {
    return spec;
  }

  public PolicyModel model() {
    return model;
  }

  /** Bars an instrument's window must hold before the policy can decide. */
  public int barsNeeded() {
    return barsNeeded;
  }

  /** A window just large enough for this policy. */
  public BarWindow newWindow() {
    return new BarWindow(barsNeeded);
  }

  /** Whether the window holds enough bars to decide. */
  public boolean ready(BarWindow bars) {
    return bars.size() >= barsNeeded;
  }

  /** Values in one observation. */
  public int observationSize() {
    return raw.length;
  }

  /** Writes the raw (not normalised) observation of {@code instrument} into {@code out}. */
  public void observe(String instrument, BarWindow bars, PortfolioInput portfolio, double[] out) {
    observations.build(instrument, bars, portfolio, out);
  }

  /** Writes the normalised {@code raw} observation into {@code out}. */
  public void normalize(double[] raw, double[] out) {
    spec.normalization().apply(raw, out);
  }

  /** The action for a raw observation: normalised, run through the model and mapped. */
  public double act(double[] rawObservation) {
    spec.normalization().apply(rawObservation, normalized);
    return actNormalized(normalized);
  }

  /** The action for an observation that is already normalised. */
  public double actNormalized(double[] normalizedObservation) {
    model.run(normalizedObservation, output);
    return actions.action(output);
  }

  /**
   * The policy's decision for {@code instrument} on its latest bar.
   *
   * @throws IllegalArgumentException when the window holds fewer than {@link #barsNeeded()} bars or
   *     the equity is not positive
   */
  public Decision decide(String instrument, BarWindow bars, PortfolioInput portfolio) {
    observations.build(instrument, bars, portfolio, raw);
    double action = act(raw);
    double target = actions.target(action);
    double quantity = portfolio.quantity(instrument);
    double close = bars.close(0);
    double current = quantity * close / portfolio.equity();
    TradeRules rules = spec.action().rules();
    double atr = rules.needsAtr() ? ObservationBuilder.atr(bars, rules.atrPeriod(), 0) : Double.NaN;
    return new Decision(
        action, target, current, actions.intent(target, quantity, current, close, atr));
  }

  @Override
  public void close() {
    model.close();
  }
}
