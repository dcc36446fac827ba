package io.tradecore.runner.dailylog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradecore.store.DailyLogRepository;
import io.tradecore.store.FileHolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The human-readable daily log: one block per day in date order, written from the database (whole,
 * swapped in atomically, or new days appended while the file is as its writer left it), under a
 * lock file, so it never shows a day twice.
 */
public final class DailyLogText {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How long a writer waits for another process's lock on the daily log file. */
  static final Duration LOCK_WAIT = Duration.ofSeconds(5);

  private DailyLogText() {}

  /** Writes the whole file from {@code rows}; returns its size in bytes. */
  public static long write(
      Path file, String portfolio, String currency, List<DailyLogRepository.Row> rows) {
    return locked(file, () -> replace(file, text(portfolio, currency, rows)));
  }

  /**
   * Adds {@code newDays}, which come after every other day of {@code all}, to the end of the file
   * without rewriting it, when the file is as this process left it ({@code knownSize} bytes, as the
   * last write or append returned); otherwise (unknown, missing, or changed by another writer)
   * rewrites it whole from {@code all} (read only then). Returns the file's new size.
   */
  public static long append(
      Path file,
      String portfolio,
      String currency,
      List<DailyLogRepository.Row> newDays,
      Supplier<List<DailyLogRepository.Row>> all,
      long knownSize) {
    return locked(
        file,
        () -> {
          if (knownSize >= 0 && Files.isRegularFile(file) && Files.size(file) == knownSize) {
            byte[] added = text(portfolio, currency, newDays).getBytes(StandardCharsets.UTF_8);
            Files.write(file, added, StandardOpenOption.APPEND);
            return knownSize + added.length;
          }
          return replace(file, text(portfolio, currency, all.get()));
        });
  }

  private static String text(String portfolio, String currency, List<DailyLogRepository.Row> rows) {
    StringBuilder out = new StringBuilder();
    for (DailyLogRepository.Row r : rows) {
      out.append(block(portfolio, currency, r)).append('\n');
    }
    return out.toString();
  }

  /** Swaps in a file holding {@code text}; returns its size in bytes. */
  private static long replace(Path file, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    // A temporary file of its own, so two writers never move each other's half-written file.
    Path tmp =
        Files.createTempFile(
            file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return bytes.length;
  }

  private interface FileWork {
    long run() throws IOException;
  }

  /**
   * Runs {@code work} holding the file's lock: {@code <file>.lock}, locked against other processes
   * (a runner and a person's {@code log note}, say) and against other threads of this one. The lock
   * is waited for only {@link #LOCK_WAIT}: a process stopped while writing (SIGSTOP, a debugger)
   * keeps it, and the text file is a copy of the database that must never hold trading up.
   *
   * @throws Busy when another process held the lock all that time
   */
  private static long locked(Path file, FileWork work) {
    Path lock = file.resolveSibling(file.getFileName() + ".lock");
    synchronized (DailyLogText.class) {
      try {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel channel =
            FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
          FileLock held = lock(channel, lock);
          try {
            return work.run();
          } finally {
            held.release();
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the daily log file " + file, e);
      }
    }
  }

  private static FileLock lock(FileChannel channel, Path lock) throws IOException {
    long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
    while (true) {
      FileLock held = channel.tryLock();
      if (held != null) {
        return held;
      }
      if (System.nanoTime() - deadline > 0) {
        List<String> holders = FileHolders.of(List.of(lock));
        throw new Busy(
            "the daily log file's lock "
                + lock.toAbsolutePath()
                + " stayed taken for "
                + LOCK_WAIT.toSeconds()
                + " s"
                + (holders.isEmpty() ? "" : " by " + String.join(", ", holders)));
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }

  /** Another process kept the daily log file locked; the database holds the logs all the same. */
  public static final class Busy extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Busy(String message) {
      super(message);
    }
  }

  /** One day's block of text. */
  public static String block(String portfolio, String currency, DailyLogRepository.Row r) {
    StringBuilder b = new StringBuilder();
    b.append("=== ")
        .append(r.day())
        .append("  ")
        .append(portfolio)
        .append("  market ")
        .append(r.marketStatus())
        .append(" ===\n");
    b.append("Account value   ").append(money(r.accountValue())).append(' ').append(currency);
    b.append("\nDaily PnL       ")
        .append(signed(r.dailyPnl()))
        .append(' ')
        .append(currency)
        .append(" (")
        .append(percent(r.dailyReturn()))
        .append(")   tier ")
        .append(r.tier());
    b.append("\nTotal PnL       ").append(signed(r.totalPnl())).append(' ').append(currency);
    b.append("\nTrades ")
        .append(r.trades())
        .append("   Signals ")
        .append(r.signals())
        .append("   Warnings ")
        .append(r.warnings())
        .append("   Errors ")
        .append(r.errors())
        .append('\n');
    b.append("Observations:\n");
    List<Map<String, Object>> observations = observations(r.observationsJson());
    if (observations.isEmpty()) {
      b.append("  (none)\n");
    }
    for (Map<String, Object> o : observations) {
      b.append("  - ").append(o.get("code")).append(": ").append(o.get("message")).append('\n');
    }
    section(b, "Market context", r.marketContext());
    section(b, "Lessons learned", r.lessons());
    section(b, "Tomorrow's focus", r.focus());
    section(b, "Notes", r.notes());
    return b.toString();
  }

  static List<Map<String, Object>> observations(String json) {
    if (json.equals("[]")) {
      return List.of(); // most days
    }
    try {
      return JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("stored observations are malformed", e);
    }
  }

  private static void section(StringBuilder b, String title, String text) {
    b.append(title).append(": ");
    if (text == null || text.isBlank()) {
      b.append("(empty)\n");
    } else {
      b.append(text.replace("\n", "\n  ")).append('\n');
    }
  }

  /** Two decimals, thousands grouped with commas: 1,234,567.89 (-1,234.50). */
  static String money(BigDecimal v) {
    String plain = v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    int sign = plain.startsWith("-") ? 1 : 0;
    int dot = plain.indexOf('.');
    StringBuilder b = new StringBuilder(plain.length() + 8).append(plain, 0, sign);
    for (int i = sign; i < dot; i++) {
      if (i > sign && (dot - i) % 3 == 0) {
        b.append(',');
      }
      b.append(plain.charAt(i));
    }
    return b.append(plain, dot, plain.length()).toString();
  }

  static String signed(BigDecimal v) {
    return (v.signum() >= 0 ? "+" : "") + money(v);
  }

  static String percent(BigDecimal ratio) {
    BigDecimal p = ratio.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN);
    return (p.signum() >= 0 ? "+" : "") + p.toPlainString() + "%";
  }
}
