package io.tradecore.store;

import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.Fill;
import io.tradecore.core.domain.Instrument;
import io.tradecore.core.domain.OrderStatus;
import io.tradecore.core.exchange.WorkingState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The paper exchange's own books: accounts (cash, trade sequence), orders with their matching
 * state, and the fills it made. Kept apart from the ledger tables, as a real venue's would be.
 */
public final class PaperRepository {

  /** An order the paper exchange knows, whatever its status. */
  public record PaperOrder(OrderStatus status, WorkingState state) {}

  /** A fill the exchange made, with its position in the account's sequence. */
  public record PaperFill(long seq, Fill fill) {}

  public void ensureAccount(Handle h, String account, BigDecimal cash) {
    h.createUpdate(
            "INSERT INTO paper_accounts (account_id, trade_seq, cash) VALUES (:a, 0, :cash)"
                + " ON CONFLICT (account_id) DO NOTHING")
        .bind("a", account)
        .bind("cash", cash.toPlainString())
        .execute();
  }

  public long tradeSequence(Handle h, String account) {
    return h.createQuery("SELECT trade_seq FROM paper_accounts WHERE account_id = :a")
        .bind("a", account)
        .mapTo(Long.class)
        .one();
  }

  public BigDecimal cash(Handle h, String account) {
    return new BigDecimal(
        h.createQuery("SELECT cash FROM paper_accounts WHERE account_id = :a")
            .bind("a", account)
            .mapTo(String.class)
            .one());
  }

  public void updateAccount(Handle h, String account, long tradeSeq, BigDecimal cash) {
    try (JdbcBatch s =
        JdbcBatch.of(h, "UPDATE paper_accounts SET trade_seq = ?, cash = ? WHERE account_id = ?")) {
      s.integer(tradeSeq).text(cash.toPlainString()).text(account).update();
    }
  }

  /** Stores an order's status and matching state, inserting it the first time. */
  public void saveOrder(Handle h, String account, WorkingState s, OrderStatus status, Instant at) {
    try (JdbcBatch u =
        JdbcBatch.of(
            h,
            "INSERT INTO paper_orders (account_id, client_order_id, body, status, remaining,"
                + " remaining_quote, triggered, last_matched_ms, first_day, arrival_seq,"
                + " updated_ms) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(MAX(arrival_seq), 0) +"
                + " 1, ? FROM paper_orders WHERE account_id = ? ON CONFLICT (account_id,"
                + " client_order_id) DO UPDATE SET status = excluded.status, remaining ="
                + " excluded.remaining, remaining_quote = excluded.remaining_quote, triggered ="
                + " excluded.triggered, last_matched_ms = excluded.last_matched_ms, first_day ="
                + " excluded.first_day, updated_ms = excluded.updated_ms")) {
      u.text(account)
          .text(s.order().id().value())
          .text(Codec.orderJson(s.order()))
          .text(status.name())
          .text(Long.toString(s.remaining()))
          .text(s.remainingQuote() == null ? null : s.remainingQuote().toPlainString())
          .integer(s.triggered() ? 1 : 0)
          .integerOrNull(s.lastMatched() == null ? null : s.lastMatched().toEpochMilli())
          .text(s.firstDay() == null ? null : s.firstDay().toString())
          .integer(at.toEpochMilli())
          .text(account)
          .update();
    }
  }

  public void setStatus(
      Handle h, String account, ClientOrderId id, OrderStatus status, Instant at) {
    h.createUpdate(
            "UPDATE paper_orders SET status = :status, updated_ms = :at WHERE account_id = :a AND"
                + " client_order_id = :id")
        .bind("a", account)
        .bind("id", id.value())
        .bind("status", status.name())
        .bind("at", at.toEpochMilli())
        .execute();
  }

  /** Whether the account has an order of this id, whatever its status (its row is not read). */
  public boolean hasOrder(Handle h, String account, ClientOrderId id) {
    try (java.sql.PreparedStatement s =
        h.getConnection()
            .prepareStatement(
                "SELECT 1 FROM paper_orders WHERE account_id = ? AND client_order_id = ?")) {
      s.setString(1, account);
      s.setString(2, id.value());
      try (java.sql.ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    } catch (java.sql.SQLException e) {
      throw new StoreException("could not look up paper order " + id.value(), e);
    }
  }

  public Optional<PaperOrder> order(
      Handle h, String account, ClientOrderId id, Map<String, Instrument> instruments) {
    return h.createQuery(
            "SELECT * FROM paper_orders WHERE account_id = :a AND client_order_id = :id")
        .bind("a", account)
        .bind("id", id.value())
        .map((rs, ctx) -> map(rs, instruments))
        .findOne();
  }

  /** Orders with the given status, in arrival order. */
  public List<PaperOrder> orders(
      Handle h, String account, OrderStatus status, Map<String, Instrument> instruments) {
    return h.createQuery(
            "SELECT * FROM paper_orders WHERE account_id = :a AND status = :status ORDER BY"
                + " arrival_seq")
        .bind("a", account)
        .bind("status", status.name())
        .map((rs, ctx) -> map(rs, instruments))
        .list();
  }

  public void insertFill(Handle h, String account, long seq, Fill f) {
    try (JdbcBatch s =
        JdbcBatch.of(
            h,
            "INSERT INTO paper_fills (account_id, trade_id, seq, client_order_id, body, time_ms)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      s.text(account)
          .text(f.tradeId().value())
          .integer(seq)
          .text(f.orderId().value())
          .text(Codec.fillJson(f))
          .integer(f.time().toEpochMilli())
          .update();
    }
  }

  /** Fills with a sequence number after {@code afterSeq}, in order. */
  public List<PaperFill> fillsAfter(
      Handle h, String account, long afterSeq, Map<String, Instrument> instruments) {
    return h.createQuery(
            "SELECT seq, body FROM paper_fills WHERE account_id = :a AND seq > :after ORDER BY seq")
        .bind("a", account)
        .bind("after", afterSeq)
        .map(
            (rs, ctx) ->
                new PaperFill(rs.getLong("seq"), Codec.fill(rs.getString("body"), instruments)))
        .list();
  }

  /** The sequence number of a trade id, or 0 if the exchange never made it. */
  public long seqOf(Handle h, String account, String tradeId) {
    return h.createQuery(
            "SELECT COALESCE(MAX(seq), 0) FROM paper_fills WHERE account_id = :a AND trade_id = :t")
        .bind("a", account)
        .bind("t", tradeId)
        .mapTo(Long.class)
        .one();
  }

  /** The highest sequence number among this exchange's fills that the portfolio has stored. */
  public long lastSeqKnownToLedger(Handle h, String account, String portfolioId) {
    return h.createQuery(
            "SELECT COALESCE(MAX(pf.seq), 0) FROM paper_fills pf JOIN fills f ON f.portfolio_id ="
                + " :p AND f.trade_id = pf.trade_id WHERE pf.account_id = :a")
        .bind("a", account)
        .bind("p", portfolioId)
        .mapTo(Long.class)
        .one();
  }

  public long countOrders(Handle h, String account) {
    return h.createQuery("SELECT COUNT(*) FROM paper_orders WHERE account_id = :a")
        .bind("a", account)
        .mapTo(Long.class)
        .one();
  }

  private static PaperOrder map(java.sql.ResultSet rs, Map<String, Instrument> instruments)
      throws java.sql.SQLException {
    String quote = rs.getString("remaining_quote");
    long last = rs.getLong("last_matched_ms");
    boolean neverMatched = rs.wasNull();
    String first = rs.getString("first_day");
    WorkingState state =
        new WorkingState(
            Codec.order(rs.getString("body"), instruments),
            Long.parseLong(rs.getString("remaining")),
            quote == null ? null : new BigDecimal(quote),
            rs.getInt("triggered") == 1,
            neverMatched ? null : Instant.ofEpochMilli(last),
            first == null ? null : LocalDate.parse(first));
    return new PaperOrder(OrderStatus.parse(rs.getString("status")), state);
  }
}
