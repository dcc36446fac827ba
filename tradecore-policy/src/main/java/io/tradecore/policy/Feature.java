package io.tradecore.policy;

/**
 * One entry of a policy's observation, computed from the instrument's recent bars or from the
 * portfolio. Bar features look back from the bar {@code lag} bars before the latest (0 = latest).
 * Immutable and thread-safe.
 */
public sealed interface Feature {
  /** The feature's name in the spec file. */
  String name();

  /** Bars the window must hold for this feature to be computed. */
  int barsNeeded();

  /** ln(close / close k bars earlier). */
  record LogReturn(int k, int lag) implements Feature {
    public static final String NAME = "log_return";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public int barsNeeded() {
      return lag + k + 1;
    }
  }

  /** close / SMA(n) of the close - 1, the average including the bar itself. */
  record SmaRatio(int n, int lag) implements Feature {
    public static final String NAME = "sma_ratio";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public int barsNeeded() {
      return lag + n;
    }
  }

  /** ATR(n) / close, the ATR being the simple mean of the last n true ranges. */
  record AtrRatio(int n, int lag) implements Feature {
    public static final String NAME = "atr_ratio";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public int barsNeeded() {
      return lag + n + 1;
    }
  }

  /** (volume - mean) / population standard deviation over the last n volumes; 0 when constant. */
  record VolumeZScore(int n, int lag) implements Feature {
    public static final String NAME = "volume_zscore";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public int barsNeeded() {
      return lag + n;
    }
  }

  /** Signed position value at the latest close / equity. */
  record PositionFraction() implements Feature {
    public static final String NAME = "position_fraction";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public int barsNeeded() {
      return 1;
    }
  }

  /** Cash / equity. */
  record CashFraction() implements Feature {
    public static final String NAME = "cash_fraction";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public int barsNeeded() {
      return 0;
    }
  }

  /** (close / average cost - 1) in the position's direction; 0 when flat. */
  record UnrealizedPnlRatio() implements Feature {
    public static final String NAME = "unrealized_pnl_ratio";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public int barsNeeded() {
      return 1;
    }
  }

  /** Bars since the position was opened / scale; 0 when flat. */
  record BarsHeld(double scale) implements Feature {
    public static final String NAME = "bars_held";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public int barsNeeded() {
      return 0;
    }
  }
}
