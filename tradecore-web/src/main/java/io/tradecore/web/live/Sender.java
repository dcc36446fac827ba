package io.tradecore.web.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes events (one line of JSON each) to stream clients and counts them. */
final class Sender {
  private static final Logger LOG = LoggerFactory.getLogger(Sender.class);
  private final ObjectMapper json;
  private final AtomicLong sent = new AtomicLong();

  Sender(ObjectMapper json) {
    this.json = json;
  }

  long sent() {
    return sent.get();
  }

  /** Sends the event to every client of the watch. */
  void broadcast(Watch watch, String event, Object data, String id) {
    for (SseClient client : watch.clients) {
      send(client, event, data, id);
    }
  }

  /** Sends the event to one client unless it has gone; {@code id} may be null. */
  void send(SseClient client, String event, Object data, String id) {
    if (client.terminated()) {
      return;
    }
    try {
      String text = json.writeValueAsString(data);
      if (id == null) {
        client.sendEvent(event, text);
      } else {
        client.sendEvent(event, text, id);
      }
      sent.incrementAndGet();
    } catch (JsonProcessingException e) {
      LOG.warn("could not write a {} event: {}", event, e.toString());
    }
  }
}
