package io.tradecore.alpaca;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds a request URI from a base, a path and query parameters, skipping null values. */
final class Query {
  private final StringBuilder text;
  private boolean first = true;

  private Query(URI base, String path) {
    this.text = new StringBuilder(base.toString()).append(path);
  }

  static Query of(URI base, String path) {
    return new Query(base, path);
  }

  Query param(String name, Object value) {
    if (value != null) {
      text.append(first ? '?' : '&')
          .append(name)
          .append('=')
          .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
      first = false;
    }
    return this;
  }

  URI uri() {
    return URI.create(text.toString());
  }

  /** A path segment, percent-encoded (symbols such as BRK.B stay as they are). */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
