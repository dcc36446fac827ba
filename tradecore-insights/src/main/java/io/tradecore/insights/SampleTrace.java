package io.tradecore.insights;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Simulates vectorized trading environments step by step and writes their action trace as CSV rows,
 * keeping the figures an evaluation summary needs.
 */
final class SampleTrace {
  static final String HEADER =
      "step,env,timestamp,price,action,position,cash,equity,reward,drawdown";
  static final double START_CASH = 100_000;

  private static final int BAD_VALUE_ODDS = 1_000;
  private static final int SPIKE_ODDS = 40_000;
  private static final int CRASH_ODDS = 200_000;
  private static final double SIGMA = 0.0008;
  private static final double FEE = 0.0001;
  private static final double EDGE = 0.00003;
  private static final LocalDate START = LocalDate.of(2026, 1, 5);
  private static final byte[][] BAD = {
    bytes("nan"), bytes(""), bytes("inf"), bytes("-inf"), bytes("nan"), bytes("")
  };

  private final int envs;
  private final SplittableRandom rng;
  private final double[] price;
  private final double[] action;
  private final long[] position;
  private final double[] cash;
  private final double[] equity;
  private final double[] peak;
  private final double[] maxDrawdown;
  private final double[] revert;
  private final int[] crashLeft;
  private final double[] trend;
  private final double[] reward;
  private final double[] sumReward;
  private final double[] sumReward2;
  private long wins;
  private long losses;
  private long steps;
  private byte[] dayPrefix = new byte[0];
  private long prefixDay = -1;

  SampleTrace(int envs, long seed) {
    this.envs = envs;
    this.rng = new SplittableRandom(seed);
    price = new double[envs];
    action = new double[envs];
    position = new long[envs];
    cash = new double[envs];
    equity = new double[envs];
    peak = new double[envs];
    maxDrawdown = new double[envs];
    revert = new double[envs];
    crashLeft = new int[envs];
    trend = new double[envs];
    reward = new double[envs];
    sumReward = new double[envs];
    sumReward2 = new double[envs];
    for (int e = 0; e < envs; e++) {
      price[e] = 100 + 10 * e + rng.nextDouble();
      cash[e] = START_CASH;
      equity[e] = START_CASH;
      peak[e] = START_CASH;
    }
  }

  /** Writes {@code rows} rows, interleaved per step across the environments (env 0..n-1). */
  void write(AsciiOut out, long rows) throws IOException {
    out.put(bytes(HEADER)).put((byte) '\n');
    long step = 0;
    for (long row = 0; row < rows; step++) {
      for (int e = 0; e < envs && row < rows; e++, row++) {
        advance(e);
        writeRow(out, step, e);
      }
    }
    steps = step;
  }

  private void advance(int e) {
    double r = SIGMA * rng.nextGaussian();
    if (revert[e] != 0) {
      r -= revert[e];
      revert[e] = 0;
    }
    if (crashLeft[e] > 0) {
      r += trend[e];
      crashLeft[e]--;
    } else if (rng.nextInt(CRASH_ODDS) == 0) {
      crashLeft[e] = 50 + rng.nextInt(250);
      trend[e] = rng.nextInt(3) == 0 ? 0.0008 : -0.0012;
    }
    // The policy has a small edge: its action leans the way the next price move goes.
    r += EDGE * action[e];
    if (rng.nextInt(SPIKE_ODDS) == 0) {
      double jump = (0.03 + 0.09 * rng.nextDouble()) * (rng.nextBoolean() ? 1 : -1);
      r += jump;
      revert[e] = jump * (0.6 + 0.4 * rng.nextDouble());
    }
    price[e] = Math.max(0.01, price[e] * (1 + r));
    double before = equity[e];
    double old = Math.rint(action[e] * 4) / 4;
    action[e] = Math.clamp(0.995 * action[e] + 0.03 * rng.nextGaussian(), -1.0, 1.0);
    double target = Math.rint(action[e] * 4) / 4;
    double markedEquity = cash[e] + position[e] * price[e];
    if (target != old && markedEquity > 0) {
      long units = (long) (target * markedEquity / price[e]);
      double traded = (units - position[e]) * price[e];
      cash[e] -= traded + Math.abs(traded) * FEE;
      position[e] = units;
    }
    equity[e] = cash[e] + position[e] * price[e];
    double r1 = before > 0 ? equity[e] / before - 1 : 0;
    reward[e] = r1;
    sumReward[e] += r1;
    sumReward2[e] += r1 * r1;
    if (r1 > 0) {
      wins++;
    } else if (r1 < 0) {
      losses++;
    }
    peak[e] = Math.max(peak[e], equity[e]);
    maxDrawdown[e] = Math.max(maxDrawdown[e], drawdown(e));
  }

  private double drawdown(int e) {
    return peak[e] > 0 ? (peak[e] - equity[e]) / peak[e] : 0;
  }

  private void writeRow(AsciiOut out, long step, int e) throws IOException {
    int badColumn = -1;
    byte[] badValue = null;
    if (rng.nextInt(BAD_VALUE_ODDS) == 0) {
      badColumn = 3 + rng.nextInt(7);
      badValue = BAD[rng.nextInt(BAD.length)];
    }
    out.putLong(step).put((byte) ',').putLong(e).put((byte) ',');
    timestamp(out, step);
    for (int c = 3; c <= 9; c++) {
      out.put((byte) ',');
      if (c == badColumn) {
        out.put(badValue);
        continue;
      }
      switch (c) {
        case 3 -> out.putFixed(price[e], 3);
        case 4 -> out.putFixed(action[e], 3);
        case 5 -> out.putLong(position[e]);
        case 6 -> out.putFixed(cash[e], 2);
        case 7 -> out.putFixed(equity[e], 2);
        case 8 -> out.putFixed(reward[e], 7);
        default -> out.putFixed(drawdown(e), 5);
      }
    }
    out.put((byte) '\n');
  }

  /** One-minute steps from 2026-01-05T00:00:00Z, e.g. {@code 2026-01-05T09:31:00Z}. */
  private void timestamp(AsciiOut out, long step) throws IOException {
    long day = step / 1440;
    if (day != prefixDay) {
      prefixDay = day;
      dayPrefix = bytes(START.plusDays(day) + "T");
    }
    int minute = (int) (step % 1440);
    out.put(dayPrefix);
    twoDigits(out, minute / 60);
    out.put((byte) ':');
    twoDigits(out, minute % 60);
    out.put((byte) ':').put((byte) '0').put((byte) '0').put((byte) 'Z');
  }

  private static void twoDigits(AsciiOut out, int v) throws IOException {
    out.put((byte) ('0' + v / 10)).put((byte) ('0' + v % 10));
  }

  long steps() {
    return steps;
  }

  double finalEquity(int e) {
    return equity[e];
  }

  double maxDrawdown(int e) {
    return maxDrawdown[e];
  }

  /** Per-step reward mean over standard deviation for environment {@code e}. */
  double rewardRatio(int e) {
    double n = Math.max(1, steps);
    double mean = sumReward[e] / n;
    double var = Math.max(0, sumReward2[e] / n - mean * mean);
    return var > 0 ? mean / Math.sqrt(var) : 0;
  }

  double winRate() {
    return wins + losses == 0 ? 0 : (double) wins / (wins + losses);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
