package io.tradecore.strategies;

import io.tradecore.core.engine.PortfolioStrategy;
import io.tradecore.core.engine.StrategyFactory;
import io.tradecore.strategy.api.InstrumentStrategyProvider;
import io.tradecore.strategy.api.Params;
import io.tradecore.strategy.api.StrategyProvider;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import java.util.jar.JarFile;

/**
 * The strategies {@code --strategy} takes, by name: every {@link StrategyProvider} on the class
 * path (the built-ins of this module, {@code policy}) and those of the plug-in jars named with
 * {@link #usePlugins}, each jar in a class loader of its own. Building a strategy checks every
 * parameter against the provider's description and names the one that is wrong.
 */
public final class StrategyCatalog {
  /** A strategy and where it comes from: {@code built-in} or the path of its jar. */
  public record Entry(StrategyProvider provider, String origin) {
    public String name() {
      return provider.name();
    }
  }

  /** Where the class path's strategies come from, as {@link Entry#origin()} shows it. */
  public static final String BUILT_IN = "built-in";

  private static final Map<String, Entry> CLASS_PATH = classPath();
  private static volatile Map<String, Entry> entries = CLASS_PATH;

  private StrategyCatalog() {}

  /**
   * From now on, the strategies are the class path's and those of {@code jars} (in this order; the
   * plug-ins of an earlier call are dropped).
   *
   * @throws IllegalArgumentException one line naming the jar that does not load, or both places of
   *     a name that two strategies share
   */
  public static void usePlugins(List<Path> jars) {
    Map<String, Entry> all = new LinkedHashMap<>(CLASS_PATH);
    for (Path jar : jars) {
      for (StrategyProvider p : load(jar)) {
        Entry entry = new Entry(p, jar.toString());
        Entry before = all.putIfAbsent(p.name(), entry);
        if (before != null) {
          throw new IllegalArgumentException(
              "two strategies are named "
                  + p.name()
                  + ": "
                  + before.origin()
                  + " and "
                  + entry.origin());
        }
      }
    }
    entries = all;
  }

  /** Every strategy, the class path's first, in the order found. */
  public static List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  public static List<String> names() {
    return List.copyOf(entries.keySet());
  }

  /** The provider of {@code strategy}. */
  public static StrategyProvider provider(String strategy) {
    Entry entry = entries.get(strategy);
    if (entry == null) {
      throw new IllegalArgumentException(
          "unknown strategy '" + strategy + "'; known: " + String.join(", ", names()));
    }
    return entry.provider();
  }

  /** The defaults of a strategy's parameters, by name. */
  public static Map<String, String> defaults(String strategy) {
    return provider(strategy).parameters().defaults();
  }

  /**
   * Makes fresh instances of {@code strategy} with {@code params} over its defaults, as a portfolio
   * strategy (a strategy of one instrument runs one instance per instrument); checks the parameters
   * first.
   */
  public static Supplier<PortfolioStrategy> portfolio(String strategy, Map<String, String> params) {
    StrategyProvider provider = provider(strategy);
    return provider.portfolio(checked(provider, params));
  }

  /** Whether {@code strategy} trades each instrument on its own (one instance per instrument). */
  public static boolean perInstrument(String strategy) {
    return provider(strategy) instanceof InstrumentStrategyProvider;
  }

  /**
   * A factory for {@code strategy}, a strategy of one instrument, with {@code params} over its
   * defaults.
   */
  public static StrategyFactory factory(String strategy, Map<String, String> params) {
    StrategyProvider provider = provider(strategy);
    if (!(provider instanceof InstrumentStrategyProvider single)) {
      throw new IllegalArgumentException(
          strategy + " trades the whole portfolio, not one instrument at a time");
    }
    return single.factory(checked(provider, params));
  }

  private static Params checked(StrategyProvider provider, Map<String, String> params) {
    return provider.parameters().check(provider.name(), params);
  }

  private static Map<String, Entry> classPath() {
    Map<String, Entry> out = new LinkedHashMap<>();
    for (StrategyProvider p :
        ServiceLoader.load(StrategyProvider.class, StrategyCatalog.class.getClassLoader())) {
      if (out.putIfAbsent(p.name(), new Entry(p, BUILT_IN)) != null) {
        throw new IllegalStateException("two strategies on the class path are named " + p.name());
      }
    }
    return out;
  }

  /** The providers of one plug-in jar, each asked for its name and parameters once. */
  private static List<StrategyProvider> load(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("strategy jar " + jar + ": no such file");
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      if (file.getEntry("META-INF/services/" + StrategyProvider.class.getName()) == null) {
        throw new IllegalArgumentException(
            "strategy jar "
                + jar
                + " names no strategy (META-INF/services/"
                + StrategyProvider.class.getName()
                + " is missing)");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("strategy jar " + jar + " is not a jar: " + e, e);
    }
    URL url;
    try {
      url = jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("strategy jar " + jar + ": " + e.getMessage(), e);
    }
    ClassLoader loader =
        new URLClassLoader(
            jar.getFileName().toString(), new URL[] {url}, StrategyCatalog.class.getClassLoader());
    List<StrategyProvider> out = new ArrayList<>();
    try {
      for (ServiceLoader.Provider<StrategyProvider> p :
          ServiceLoader.load(StrategyProvider.class, loader).stream().toList()) {
        if (p.type().getClassLoader() == loader) { // not the class path's, seen through the parent
          StrategyProvider provider = p.get();
          provider.name();
          provider.description();
          provider.parameters().defaults();
          out.add(provider);
        }
      }
    } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
      throw new IllegalArgumentException(
          "strategy jar " + jar + " does not load: " + oneLine(e), e);
    }
    for (StrategyProvider provider : out) {
      String name = provider.name();
      if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
        throw new IllegalArgumentException(
            "strategy jar "
                + jar
                + ": "
                + provider.getClass().getName()
                + " is named '"
                + name
                + "'; a name takes lower-case letters, digits and dashes");
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("strategy jar " + jar + " names no strategy");
    }
    return out;
  }

  private static String oneLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    if (root != e) {
      message += " (" + root + ")";
    }
    return message.replaceAll("\\s*\\R\\s*", " ");
  }
}
