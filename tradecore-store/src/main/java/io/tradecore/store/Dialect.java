package io.tradecore.store;

/** The two databases TradeCore runs on. */
public enum Dialect {
  SQLITE,
  POSTGRESQL;

  /** The dialect of a JDBC URL, or a StoreException naming what is accepted. */
  public static Dialect of(String url) {
    if (url != null && url.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (url != null && url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new StoreException(
        "database url '"
            + url
            + "' is not supported; use jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
  }
}
