package io.tradecore.bench;

import io.tradecore.core.domain.Bar;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.engine.EngineListener;
import io.tradecore.core.engine.StrategyFactory;
import io.tradecore.marketdata.SyntheticBars;
import io.tradecore.strategies.StrategyCatalog;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TradeCore's part of {@link EngineBench} alone (sma-cross 10/30 over the same 1,000,000 seeded
 * bars, 8 warm-up and 15 timed runs), printing the CPU time of the running thread: {@code
 * bench/compare-engine} compiles it against two commits' jars and runs them in turn, so a change of
 * the engine can be measured on a machine that is busy with other work.
 */
public final class EngineCpu {
  private EngineCpu() {}

  public static void main(String[] args) {
    List<Bar> series =
        SyntheticBars.generateSeries(
                Instrument.of("BENCH", "USD", 2),
                Instant.parse("2000-01-03T00:00:00Z"),
                Duration.ofHours(1),
                1_000_000,
                20261121L,
                100.0)
            .bars();
    StrategyFactory smaCross =
        StrategyCatalog.factory("sma-cross", Map.of("fast", "10", "slow", "30"));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < 8; i++) {
      TradeCoreRun.run(series, smaCross, EngineListener.NONE);
    }
    int runs = 15;
    double[] cpu = new double[runs];
    double[] wall = new double[runs];
    for (int i = 0; i < runs; i++) {
      long cpu0 = threads.getCurrentThreadCpuTime();
      long wall0 = System.nanoTime();
      TradeCoreRun.run(series, smaCross, EngineListener.NONE);
      wall[i] = (System.nanoTime() - wall0) / 1e9;
      cpu[i] = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
    }
    Arrays.sort(cpu);
    Arrays.sort(wall);
    System.out.printf(
        Locale.ROOT,
        "cpu median %.3f min %.3f  wall median %.3f min %.3f%n",
        cpu[runs / 2],
        cpu[0],
        wall[runs / 2],
        wall[0]);
  }
}
