package io.tradecore.web.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import io.tradecore.core.domain.PortfolioId;
import io.tradecore.store.Database;
import io.tradecore.store.PortfolioRecord;
import io.tradecore.store.query.ChangeQueries;
import io.tradecore.web.ledger.LedgerCache;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes what runners commit to the portfolio streams, whichever process the runner is in: every
 * poll interval it asks the database one cheap question per watched portfolio ({@link
 * ChangeQueries#cursor}) and sends what is new as {@code fill}, {@code plan}, {@code equity} and
 * {@code daily_log} events; every heartbeat interval it sends a comment so proxies and the server's
 * idle timeout keep the connection and clients that have gone are noticed. All sending happens on
 * one thread.
 */
public final class LiveUpdates implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveUpdates.class);
  private final Database db;
  private final Clock clock;
  private final Sender sender;
  private final ChangePusher pusher;
  private final Map<PortfolioId, Watch> watches = new ConcurrentHashMap<>();
  private final AtomicLong pollErrors = new AtomicLong();
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "tradecore-live-updates");
            t.setDaemon(true);
            return t;
          });

  public LiveUpdates(Database db, LedgerCache ledgers, ObjectMapper json, Clock clock) {
    this.db = db;
    this.clock = clock;
    this.sender = new Sender(json);
    this.pusher = new ChangePusher(ledgers, sender);
  }

  /** Starts polling and heartbeats. */
  public void start(Duration poll, Duration heartbeat) {
    thread.scheduleWithFixedDelay(
        this::pollAll, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    thread.scheduleAtFixedRate(
        this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Adds a subscriber to a portfolio's stream; it first receives a {@code ready} event with the
   * cursor it starts from, then everything committed after it.
   */
  public void subscribe(PortfolioRecord record, SseClient client) {
    thread.execute(
        () -> {
          try {
            Watch watch =
                watches.computeIfAbsent(
                    record.id(), id -> db.jdbi().withHandle(h -> pusher.watch(h, record)));
            Map<String, Object> ready = new LinkedHashMap<>();
            ready.put("portfolio", record.name());
            ready.put("fill_seq", watch.cursor.fillSeq());
            ready.put("time", clock.instant().toString());
            sender.send(client, "ready", ready, null);
            watch.clients.add(client);
          } catch (RuntimeException e) {
            LOG.warn("could not subscribe to portfolio {}: {}", record.name(), e.toString());
            client.close();
          }
        });
  }

  /** Subscribers now, over all portfolios. */
  public int subscribers() {
    return watches.values().stream().mapToInt(w -> w.clients.size()).sum();
  }

  /** Polls that failed (the database did not answer, say); the stream carries on. */
  public long pollErrors() {
    return pollErrors.get();
  }

  /** Events sent to subscribers so far. */
  public long eventsSent() {
    return sender.sent();
  }

  private void pollAll() {
    try {
      for (Watch watch : watches.values()) {
        watch.clients.removeIf(SseClient::terminated);
        if (watch.clients.isEmpty()) {
          watches.remove(watch.record.id(), watch);
        } else {
          pollOne(watch);
        }
      }
    } catch (RuntimeException e) { // a scheduled task that throws is never run again
      pollErrors.incrementAndGet();
      LOG.warn("live updates: {}", e.toString());
    }
  }

  private void pollOne(Watch watch) {
    try {
      db.jdbi().useHandle(h -> pusher.poll(h, watch));
    } catch (RuntimeException e) {
      pollErrors.incrementAndGet();
      LOG.warn("live updates for portfolio {}: {}", watch.record.name(), e.toString());
    }
  }

  private void heartbeat() {
    try {
      String comment = "heartbeat " + clock.instant();
      for (Watch watch : watches.values()) {
        for (SseClient client : watch.clients) {
          if (!client.terminated()) {
            client.sendComment(comment);
          }
        }
        watch.clients.removeIf(SseClient::terminated);
      }
    } catch (RuntimeException e) {
      LOG.warn("live updates heartbeat: {}", e.toString());
    }
  }

  /** Stops polling and ends every stream. */
  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Watch watch : watches.values()) {
      watch.clients.forEach(SseClient::close);
    }
    watches.clear();
  }
}
