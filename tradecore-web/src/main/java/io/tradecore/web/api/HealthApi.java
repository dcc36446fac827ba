package io.tradecore.web.api;

import io.javalin.http.Context;
import io.tradecore.store.Database;
import io.tradecore.store.query.HealthQueries;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** GET /api/health: whether the database answers, its dialect and schema version, the time. */
public final class HealthApi {
  private static final Logger LOG = LoggerFactory.getLogger(HealthApi.class);
  private static final long SCHEMA_TTL_NANOS = 30_000_000_000L;
  private final Database db;
  private final Clock clock;
  private final HealthQueries queries = new HealthQueries();
  private volatile Schema schema;

  public HealthApi(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The latest applied migration and whether none is pending, read at most every 30 s. */
  private record Schema(String version, boolean current, long readNanos) {}

  public void health(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    try {
      db.jdbi().useHandle(queries::ping);
      Schema s = schema();
      body.put("status", s.current() ? "ok" : "schema-outdated");
      body.put("database", db.dialect().name().toLowerCase(java.util.Locale.ROOT));
      body.put("schema_version", s.version());
      body.put("schema_current", s.current());
    } catch (RuntimeException e) {
      LOG.warn("health check: the database did not answer: {}", e.getMessage());
      body.put("status", "unavailable");
      body.put("database", db.dialect().name().toLowerCase(java.util.Locale.ROOT));
      body.put("error", "the database did not answer");
      ctx.status(503);
    }
    body.put("time", clock.instant().toString());
    ctx.json(body);
  }

  private Schema schema() {
    Schema s = schema;
    long now = System.nanoTime();
    if (s == null || now - s.readNanos() > SCHEMA_TTL_NANOS) {
      List<Database.MigrationState> all = db.status();
      String version = null;
      boolean pending = false;
      for (Database.MigrationState m : all) {
        if ("Success".equalsIgnoreCase(m.state())) {
          version = m.version();
        } else if ("Pending".equalsIgnoreCase(m.state())) {
          pending = true;
        }
      }
      s = new Schema(version, version != null && !pending, now);
      schema = s;
    }
    return s;
  }
}
