package io.tradecore.store.query;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Values computed from a portfolio's fills, remembered until its highest fill sequence number
 * moves: fills are only ever added, each with a higher sequence number, so a count or a rendered
 * page of fills stays right until then. Keeps the {@code capacity} most recently used values;
 * thread-safe (a value may be computed twice by racing callers, never served stale).
 *
 * @param <K> what the value depends on besides the fills (portfolio, filter, page)
 * @param <V> the value
 */
public final class SeqCache<K, V> {
  private record Cached<V>(long seq, V value) {}

  private final Map<K, Cached<V>> entries;

  public SeqCache(int capacity) {
    this.entries =
        new LinkedHashMap<>(64, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<K, Cached<V>> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * The value for {@code key} computed when the highest fill sequence number was {@code seq}, or
   * {@code compute}'s value, remembered for {@code seq}.
   */
  public V get(K key, long seq, Supplier<V> compute) {
    synchronized (entries) {
      Cached<V> known = entries.get(key);
      if (known != null && known.seq() == seq) {
        return known.value();
      }
    }
    V value = compute.get();
    synchronized (entries) {
      entries.put(key, new Cached<>(seq, value));
    }
    return value;
  }
}
