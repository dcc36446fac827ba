package io.tradecore.insights;

import java.util.List;
import java.util.Map;

/**
 * One discovered run as the run list shows it.
 *
 * @param name the run's name: its folder relative to its root, with '/' separators
 * @param modified the latest modification time of the run's files, ISO-8601 UTC (e.g.
 *     2026-11-21T09:30:00Z), or null
 * @param algorithm the algorithm experiment.json states (algorithm, algo, agent), or null
 * @param policy the policy experiment.json states (policy, policy_type, policy_class), or null
 * @param environments the number of environments experiment.json states (n_envs, num_envs, envs),
 *     or null
 * @param eval the numeric top-level fields of eval_summary.json as stored (ratios stay ratios)
 * @param artifacts the files in the run folder with their sizes
 * @param problems what could not be read (malformed JSON, an unreadable trace), never thrown
 */
public record RunSummary(
    String name,
    String modified,
    String algorithm,
    String policy,
    Integer environments,
    Map<String, Double> eval,
    List<Artifact> artifacts,
    List<String> problems) {}
