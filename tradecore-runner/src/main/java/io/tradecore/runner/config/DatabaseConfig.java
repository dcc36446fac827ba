package io.tradecore.runner.config;

/**
 * How to reach the database: a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL, optional
 * credentials and the connection pool size; immutable.
 */
public record DatabaseConfig(String url, String user, String password, int poolSize) {
  public static final int MIN_POOL_SIZE = 1;
  public static final int MAX_POOL_SIZE = 64;
  public static final int DEFAULT_POOL_SIZE = 4;

  /** Validates the URL scheme and pool size; user and password may be null. */
  public DatabaseConfig {
    Values.databaseUrl(url);
    Values.checkRange(poolSize, MIN_POOL_SIZE, MAX_POOL_SIZE);
  }

  /** Keeps the password out of logs. */
  @Override
  public String toString() {
    return "DatabaseConfig[url="
        + url
        + ", user="
        + user
        + ", password="
        + (password == null ? null : "***")
        + ", poolSize="
        + poolSize
        + "]";
  }
}
