package io.tradecore.runner.alpaca;

import io.tradecore.alpaca.OrderRequest;
import io.tradecore.core.domain.ClientOrderId;
import io.tradecore.core.domain.PortfolioId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The client order ids a portfolio's orders carry at Alpaca: {@code tc-<8 hex of the portfolio
 * id>-<our id>}, at most 48 characters, the same on every run (so a resubmission after a restart is
 * recognised as the order Alpaca already has) and apart from other portfolios' on one account. An
 * id too long keeps its first characters and ends in a hash of the rest. Immutable.
 */
final class BrokerIds {
  private final String prefix;

  BrokerIds(PortfolioId portfolio) {
    this.prefix = "tc-" + hash(portfolio.value(), 8) + "-";
  }

  /** The id Alpaca knows our order {@code ours} by. */
  ClientOrderId of(ClientOrderId ours) {
    String whole = prefix + ours.value();
    if (whole.length() <= OrderRequest.MAX_CLIENT_ORDER_ID) {
      return new ClientOrderId(whole);
    }
    int keep = OrderRequest.MAX_CLIENT_ORDER_ID - prefix.length() - 9;
    return new ClientOrderId(
        prefix + ours.value().substring(0, keep) + "~" + hash(ours.value(), 8));
  }

  /** True when {@code brokerId} is a client order id of this portfolio's. */
  boolean isOurs(String brokerId) {
    return brokerId != null && brokerId.startsWith(prefix);
  }

  /** Our id from an id of ours that was not shortened, or null. */
  ClientOrderId ours(String brokerId) {
    if (!isOurs(brokerId) || brokerId.contains("~")) {
      return null;
    }
    return new ClientOrderId(brokerId.substring(prefix.length()));
  }

  private static String hash(String text, int chars) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, chars);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
