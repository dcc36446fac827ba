package io.tradecore.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** TradeCore's version, as the build stamped it into the app's resources. */
public final class Version implements IVersionProvider {
  private static final Properties PROPERTIES = load();
  private static final String VERSION = property("version");

  /** The version, e.g. 0.1.0-SNAPSHOT, or "unknown" when run from unfiltered resources. */
  public static String current() {
    return VERSION;
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "tradecore " + VERSION,
      "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
    };
  }

  /**
   * A version the build stamped next to TradeCore's ({@code junit.version}, {@code
   * assertj.version}), or "unknown".
   */
  public static String property(String name) {
    String v = PROPERTIES.getProperty(name, "unknown");
    return v.startsWith("${") ? "unknown" : v;
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
