package io.tradecore.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads a server-sent event stream into a queue of events, on a thread of its own. */
final class SseClient implements AutoCloseable {
  /** One event: its name, data (lines joined by newlines) and id; comments have name ":". */
  record Event(String name, String data, String id) {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final HttpResponse<Stream<String>> response;
  private final Thread reader;

  SseClient(Http http, String path) throws Exception {
    HttpRequest request =
        http.request(path)
            .header("Accept", "text/event-stream")
            .timeout(Duration.ofMinutes(2))
            .GET()
            .build();
    response =
        http.client()
            .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
            .get(10, TimeUnit.SECONDS);
    reader = new Thread(this::read, "sse-test-reader");
    reader.setDaemon(true);
    reader.start();
  }

  int status() {
    return response.statusCode();
  }

  private void read() {
    String name = "message";
    StringBuilder data = new StringBuilder();
    String id = null;
    try (Stream<String> lines = response.body()) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isEmpty()) {
          events.add(new Event(name, data.toString(), id));
          name = "message";
          data.setLength(0);
          id = null;
        } else if (line.startsWith(":")) {
          events.add(new Event(":", line.substring(1).strip(), null));
        } else if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("data:")) {
          if (data.length() > 0) {
            data.append('\n');
          }
          data.append(line.substring(5).strip());
        }
      }
    } catch (RuntimeException e) {
      // the stream was closed
    }
  }

  /** The next event named {@code name}, skipping others, or null after {@code timeout}. */
  Event next(String name, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      Event e = events.poll(left, TimeUnit.NANOSECONDS);
      if (e == null) {
        return null;
      }
      if (e.name().equals(name)) {
        return e;
      }
    }
  }

  @Override
  public void close() {
    reader.interrupt();
    response.body().close();
  }
}
