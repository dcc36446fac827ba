package io.tradecore.insights;

import java.nio.file.Path;
import java.util.List;

/**
 * A discovered run folder.
 *
 * @param name the run's unique name: the folder relative to its root, '/'-separated (prefixed with
 *     the root's folder name when two roots hold the same relative path)
 * @param root the run root it was found under
 * @param dir the run folder
 * @param artifacts its files, by name
 * @param trace its action trace (the first *_actions.parquet, else the first *_actions.csv), or
 *     null
 */
public record RunFolder(String name, Path root, Path dir, List<Artifact> artifacts, Path trace) {}
