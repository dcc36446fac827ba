package io.tradecore.core.engine;

import io.tradecore.core.domain.Instrument;
import io.tradecore.core.indicator.Atr;
import io.tradecore.core.indicator.Donchian;
import io.tradecore.core.indicator.Indicator;
import io.tradecore.core.indicator.Sma;
import java.util.ArrayList;
import java.util.List;

/** Where a strategy asks for the indicators it reads; the engine updates them before each call. */
public final class StrategySetup {
  private final Instrument instrument;
  private final List<Indicator> indicators = new ArrayList<>();

  StrategySetup(Instrument instrument) {
    this.instrument = instrument;
  }

  public Instrument instrument() {
    return instrument;
  }

  public Sma sma(int period) {
    return add(new Sma(period));
  }

  public Atr atr(int period) {
    return add(new Atr(period));
  }

  public Donchian donchian(int period) {
    return add(new Donchian(period));
  }

  public <T extends Indicator> T add(T indicator) {
    indicators.add(indicator);
    return indicator;
  }

  Indicator[] indicators() {
    return indicators.toArray(Indicator[]::new);
  }
}
