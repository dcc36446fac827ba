package io.tradecore.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** TradeCore's version, as the build stamped it into the app's resources. */
public final class Version implements IVersionProvider {
  private static final String VERSION = load();

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

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
