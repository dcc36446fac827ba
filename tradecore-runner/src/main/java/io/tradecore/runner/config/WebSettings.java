package io.tradecore.runner.config;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code web} section: the host names the web server answers besides this machine's own
 * (localhost, 127.0.0.1, [::1]); immutable.
 *
 * @param allowedHosts host names or IP addresses from {@code web.allowed_hosts} (or {@code
 *     TRADECORE_ALLOWED_HOSTS}), as {@link #hostName} gives them
 */
public record WebSettings(List<String> allowedHosts) {
  public static final WebSettings DEFAULTS = new WebSettings(List.of());

  private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-f]{1,4}");
  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

  /** Keeps an unmodifiable copy of the hosts. */
  public WebSettings {
    allowedHosts = List.copyOf(allowedHosts);
  }

  /**
   * A host as a Host header names it, without port: a DNS name (one trailing dot dropped), an IPv4
   * address, or an IPv6 address with or without brackets; returned in lower case, IPv6 without
   * brackets.
   *
   * @throws IllegalArgumentException naming the text when it is none of these (a scheme, a port, a
   *     path or a wildcard included)
   */
  public static String hostName(String text) {
    String host = text.strip().toLowerCase(Locale.ROOT);
    boolean bracketed = host.length() > 1 && host.startsWith("[") && host.endsWith("]");
    if (bracketed) {
      host = host.substring(1, host.length() - 1);
    } else if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    boolean ok = bracketed || host.contains(":") ? isIpv6(host) : isName(host);
    if (!ok) {
      throw Values.bad(
          text,
          "is not a host name (allowed: a name such as dash.example or an IP address, without"
              + " scheme, port or path)");
    }
    return host;
  }

  private static boolean isName(String host) {
    if (host.isEmpty() || host.length() > 253) {
      return false;
    }
    for (String label : host.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  /** RFC 4291 text form: eight hex groups, one "::" for a run of zeros, an IPv4 tail allowed. */
  static boolean isIpv6(String host) {
    int gap = host.indexOf("::");
    if (gap < 0) {
      return count(host, true) == 8;
    }
    if (host.indexOf("::", gap + 1) >= 0) {
      return false;
    }
    int head = count(host.substring(0, gap), false);
    int tail = count(host.substring(gap + 2), true);
    return head >= 0 && tail >= 0 && head + tail <= 7;
  }

  /** The 16-bit groups in a colon-separated part (an IPv4 tail counts two), or -1 if malformed. */
  private static int count(String part, boolean ipv4TailAllowed) {
    if (part.isEmpty()) {
      return 0;
    }
    String[] groups = part.split(":", -1);
    int n = 0;
    for (int i = 0; i < groups.length; i++) {
      String g = groups[i];
      if (i == groups.length - 1 && ipv4TailAllowed && isIpv4(g)) {
        n += 2;
      } else if (HEX_GROUP.matcher(g).matches()) {
        n++;
      } else {
        return -1;
      }
    }
    return n;
  }

  /** Four decimal numbers 0..255 separated by dots. */
  public static boolean isIpv4(String text) {
    var m = IPV4.matcher(text);
    if (!m.matches()) {
      return false;
    }
    for (int i = 1; i <= 4; i++) {
      if (Integer.parseInt(m.group(i)) > 255) {
        return false;
      }
    }
    return true;
  }
}
