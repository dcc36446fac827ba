package io.tradecore.alpaca;

import io.tradecore.core.domain.ClientOrderId;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the two order requests that are not idempotent (submit, replace) so that a lost answer
 * never doubles an order: it looks the order up by its client order id first, and resends only when
 * Alpaca does not have it.
 */
final class OrderSubmission {
  private static final Logger LOG = LoggerFactory.getLogger(OrderSubmission.class);

  private final RestTransport rest;
  private final RetryPolicy policy;
  private final Function<ClientOrderId, Optional<Order>> lookup;

  OrderSubmission(
      RestTransport rest, RetryPolicy policy, Function<ClientOrderId, Optional<Order>> lookup) {
    this.rest = rest;
    this.policy = policy;
    this.lookup = lookup;
  }

  /** POSTs {@code request} to {@code uri}; the order Alpaca holds under its client order id. */
  Order submit(URI uri, OrderRequest request) {
    return send(
        "POST", uri, Json.write(request), request.clientOrderId(), "order " + request.describe());
  }

  /** PATCHes order {@code orderId}; the replacing order Alpaca holds under the new id. */
  Order replace(URI uri, String orderId, ReplaceRequest request) {
    return send(
        "PATCH",
        uri,
        Json.write(request),
        request.clientOrderId(),
        "replacement " + request.clientOrderId() + " of order " + orderId);
  }

  private Order send(String method, URI uri, String body, ClientOrderId id, String subject) {
    String what = method + " " + uri.getPath() + " for " + id;
    String lastLoss = "";
    for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
      try {
        RestTransport.Response response = rest.once(what, method, uri, body);
        if (response.ok()) {
          return Json.read(response.body(), Order.class, subject);
        }
        if (response.status() == 422 && alreadyTaken(response)) {
          // A resend after an earlier loss: the broker has this id, so that order is the answer.
          return lookup.apply(id).orElseThrow(() -> rest.rejection(subject, response));
        }
        throw rest.rejection(subject, response);
      } catch (RestTransport.ResponseLost lost) {
        lastLoss = lost.getMessage();
        LOG.warn("Alpaca {}: {}; looking the order up before any resend", what, lastLoss);
        Optional<Order> known = find(id, subject);
        if (known.isPresent()) {
          LOG.info("Alpaca has {} ({}); not resending", id, known.get().status().wire());
          return known.get();
        }
        if (attempt < policy.maxAttempts()) {
          rest.pause(rest.backoff(attempt));
        }
      }
    }
    throw new BrokerUnavailable(
        subject
            + ": no answer after "
            + policy.maxAttempts()
            + " attempts and Alpaca does not have it; last: "
            + lastLoss);
  }

  private Optional<Order> find(ClientOrderId id, String subject) {
    try {
      return lookup.apply(id);
    } catch (BrokerUnavailable e) {
      throw new BrokerUnavailable(
          subject
              + ": the answer was lost and the lookup failed, so whether Alpaca has it is unknown"
              + " until it is looked up again; "
              + e.getMessage());
    }
  }

  private static boolean alreadyTaken(RestTransport.Response response) {
    return response.body().toLowerCase(Locale.ROOT).contains("client_order_id");
  }
}
