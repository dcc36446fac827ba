package io.tradecore.core.engine;

import io.tradecore.core.plan.SameBarPolicy;
import java.util.Objects;

/**
 * Settings of one engine: the bot_version its orders carry, the prefix of the plan ids it makes,
 * where its plan sequence starts (a restarted engine continues it) and the same-bar policy.
 * Immutable and thread-safe.
 */
public record EngineConfig(
    String botVersion, String planIdPrefix, long firstPlanSequence, SameBarPolicy sameBarPolicy) {
  public EngineConfig {
    Objects.requireNonNull(botVersion, "botVersion");
    Objects.requireNonNull(planIdPrefix, "planIdPrefix");
    Objects.requireNonNull(sameBarPolicy, "sameBarPolicy");
  }

  public static EngineConfig defaults() {
    return new EngineConfig("dev", "plan-", 1, SameBarPolicy.STOP_FIRST);
  }

  public EngineConfig withBotVersion(String version) {
    return new EngineConfig(version, planIdPrefix, firstPlanSequence, sameBarPolicy);
  }

  public EngineConfig withSameBarPolicy(SameBarPolicy policy) {
    return new EngineConfig(botVersion, planIdPrefix, firstPlanSequence, policy);
  }
}
