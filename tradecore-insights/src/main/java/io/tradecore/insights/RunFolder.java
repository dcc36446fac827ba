package io.tradecore.insights;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
 * @param files the folder entries its artifacts are read from, by name (a link to a regular file
 *     inside the root among them), which the catalog reads only after checking them again
 * @param problems its run files that are never read: links leading outside the root, FIFOs, devices
 *     and sockets
 */
public record RunFolder(
    String name,
    Path root,
    Path dir,
    List<Artifact> artifacts,
    Path trace,
    Map<String, Path> files,
    List<String> problems) {}
