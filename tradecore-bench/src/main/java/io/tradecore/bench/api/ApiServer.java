package io.tradecore.bench.api;

import io.tradecore.runner.config.TradeCoreConfig;
import io.tradecore.store.Database;
import io.tradecore.web.WebConfig;
import io.tradecore.web.WebServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The server side of the API benchmark, in its own JVM: opens the database the way {@code
 * ./tradecore serve} does (the configuration from built-in defaults and the {@code TRADECORE_*}
 * variables, so the default pool size unless {@code TRADECORE_DB_POOL_SIZE} is set), starts {@link
 * WebServer} on 127.0.0.1 and a free port, prints {@code api-server url=URL}, and stops when its
 * standard input closes (the harness closes it, or dies).
 *
 * <p>Arguments: {@code DATA_DIR JDBC_URL}.
 */
public final class ApiServer {
  /** The line the harness waits for; the URL follows. */
  static final String READY = "api-server url=";

  private ApiServer() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: ApiServer DATA_DIR JDBC_URL");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    Map<String, String> env = new HashMap<>();
    System.getenv().forEach((k, v) -> env.put(k, v));
    env.put("TRADECORE_DATA_DIR", dir.toString());
    env.put("TRADECORE_DB_URL", args[1]);
    TradeCoreConfig cfg = TradeCoreConfig.load(null, env, dir);
    Database db =
        Database.open(
            cfg.database().url(),
            cfg.database().user(),
            cfg.database().password(),
            cfg.database().poolSize());
    WebServer server =
        WebServer.start(WebConfig.defaults().withPort(0), db, cfg, Clock.systemUTC());
    System.err.println(
        "api-server: java "
            + Runtime.version()
            + ", max heap "
            + (Runtime.getRuntime().maxMemory() >> 20)
            + " MiB, pool size "
            + cfg.database().poolSize());
    System.out.println(READY + server.url());
    System.out.flush();
    InputStream in = System.in;
    while (in.read() >= 0) {
      // wait for the harness to close standard input
    }
    server.stop();
    db.close();
    System.exit(0);
  }
}
