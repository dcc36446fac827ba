package io.tradecore.insights;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * Names a trace's cache after the trace's absolute path, size and modification time: {@code
 * <sha256(path)>-<sha256(format, size, mtime)>.parquet} (a folder of Parquet files), so a changed
 * file gets a new cache and the old one can be found by its path prefix.
 */
record CacheKey(String pathHash, String versionHash, long size) {
  /** Bumped when the cache's layout changes, so old cache files are rebuilt. */
  private static final String FORMAT = "trace-cache-v3";

  static CacheKey of(Path file) throws IOException {
    Path abs = file.toAbsolutePath().normalize();
    BasicFileAttributes attrs = Files.readAttributes(abs, BasicFileAttributes.class);
    long mtime = attrs.lastModifiedTime().to(TimeUnit.MICROSECONDS);
    return new CacheKey(
        sha256(abs.toString()).substring(0, 24),
        sha256(FORMAT + '\n' + attrs.size() + '\n' + mtime).substring(0, 16),
        attrs.size());
  }

  /** The cache folder's name. */
  String fileName() {
    return pathHash + "-" + versionHash + ".parquet";
  }

  /** The name prefix every cache file of the same trace path shares. */
  String pathPrefix() {
    return pathHash + "-";
  }

  /** The SHA-256 of {@code text} in hexadecimal. */
  static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
