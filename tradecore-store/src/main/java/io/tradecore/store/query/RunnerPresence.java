package io.tradecore.store.query;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.store.LeaseRepository;
import io.tradecore.store.StandbyRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Who trades a portfolio now and who stands by to take it over, as {@code status} and the dashboard
 * show it.
 *
 * @param holder the runner whose lease is live, or null
 * @param standbys the standbys heard from within one lease period, longest waiting first
 */
public record RunnerPresence(
    LeaseRepository.Holder holder, List<StandbyRepository.Standby> standbys) {

  /** The presence at {@code now}, where a lease lasts {@code lease} unless renewed. */
  public static RunnerPresence of(Handle h, PortfolioId p, Instant now, Duration lease) {
    LeaseRepository.Holder holder =
        new LeaseRepository().holder(h, p).filter(l -> l.expiresAt().isAfter(now)).orElse(null);
    return new RunnerPresence(holder, new StandbyRepository().heardSince(h, p, now.minus(lease)));
  }

  /** As JSON: {@code holder} (run, host, pid, since, lease_until) or null, and {@code standbys}. */
  public Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (holder == null) {
      m.put("holder", null);
    } else {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("run", holder.run().value());
      x.put("host", holder.host());
      x.put("pid", holder.pid());
      x.put("since", holder.acquiredAt().toString());
      x.put("lease_until", holder.expiresAt().toString());
      m.put("holder", x);
    }
    m.put(
        "standbys",
        standbys.stream()
            .map(
                s -> {
                  Map<String, Object> x = new LinkedHashMap<>();
                  x.put("host", s.host());
                  x.put("pid", s.pid());
                  x.put("since", s.since().toString());
                  return x;
                })
            .toList());
    return m;
  }

  /** As two lines of text: who trades, and who stands by. */
  public List<String> lines() {
    String traded =
        holder == null
            ? "nobody"
            : "run "
                + holder.run().value()
                + " on host "
                + holder.host()
                + " (pid "
                + holder.pid()
                + ") since "
                + holder.acquiredAt()
                + ", lease until "
                + holder.expiresAt();
    String waiting =
        standbys.isEmpty()
            ? "none"
            : String.join(
                "; ",
                standbys.stream()
                    .map(s -> "host " + s.host() + " (pid " + s.pid() + ") since " + s.since())
                    .toList());
    return List.of(traded, waiting);
  }
}
