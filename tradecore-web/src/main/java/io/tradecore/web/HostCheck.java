package io.tradecore.web;

import io.javalin.http.Context;
import io.tradecore.runner.config.WebSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses a request whose Host header names another site, so that a web page whose DNS name an
 * attacker points at 127.0.0.1 (DNS rebinding) cannot read the API through its visitor's browser.
 * On a loopback bind the Host must be localhost, a loopback address or one of {@code
 * web.allowed_hosts}, with any port. On another bind the API token guards the data, and the Host is
 * checked only when an allow-list is configured.
 */
final class HostCheck {
  private static final Pattern PORT = Pattern.compile(":\\d{1,5}");
  private final boolean enforced;
  private final Set<String> allowed = new HashSet<>();

  HostCheck(String bind, List<String> allowedHosts) {
    enforced = Security.isLoopback(bind) || !allowedHosts.isEmpty();
    allowed.add("localhost");
    allowed.addAll(allowedHosts);
    try {
      allowed.add(WebSettings.hostName(bind)); // e.g. 127.0.0.2, or the name given to --bind
    } catch (IllegalArgumentException e) {
      // a bind address that is no host name cannot be a Host either
    }
  }

  /** The before-handler: throws a 403 naming the Host when it is not one this server answers. */
  void check(Context ctx) {
    if (!enforced) {
      return;
    }
    String header = ctx.header("Host");
    String host = host(header);
    if (host != null && (allowed.contains(host) || isLoopbackAddress(host))) {
      return;
    }
    String shown = header == null ? "(none)" : "'" + Params.shown(header) + "'";
    throw new ApiException(
        403,
        "the Host "
            + shown
            + " is not a name of this server: add it to web.allowed_hosts in tradecore.yaml"
            + " (or TRADECORE_ALLOWED_HOSTS) if the server is meant to be reached by that name",
        "Host");
  }

  /**
   * The host of a Host header value without its port (lower case, IPv6 without brackets), or null
   * when the value is malformed.
   */
  static String host(String header) {
    if (header == null) {
      return null;
    }
    String value = header.strip();
    int end = value.startsWith("[") ? value.indexOf(']') + 1 : value.lastIndexOf(':');
    if (end <= 0) {
      end = value.startsWith("[") ? -1 : value.length();
    }
    if (end < 0) {
      return null;
    }
    String name = value.substring(0, end);
    String port = value.substring(end);
    if ((!port.isEmpty() && !PORT.matcher(port).matches())
        || (name.contains(":") && !name.startsWith("["))) {
      return null;
    }
    try {
      return WebSettings.hostName(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Whether {@code host} is an IP address literal of this machine's loopback interface. */
  static boolean isLoopbackAddress(String host) {
    if (!WebSettings.isIpv4(host) && !host.contains(":")) {
      return false; // a name: never resolved here, as resolving is what rebinding subverts
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress(); // a literal: no lookup
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
