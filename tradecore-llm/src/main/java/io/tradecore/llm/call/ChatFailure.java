package io.tradecore.llm.call;

import java.util.Objects;

/**
 * A call that brought no usable answer: what kind of failure, whether repeating it may help, and
 * whether the server may have billed it (it may have worked on a request whose answer never
 * arrived). Its message never holds the API key.
 */
public final class ChatFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The kinds of failure, each knowing whether a retry may help and whether it may be billed. */
  public enum Kind {
    /** No answer within the timeout. */
    TIMEOUT(true, true),
    /** HTTP 429. */
    RATE_LIMITED(true, false),
    /** HTTP 5xx, or a 200 without any choice. */
    SERVER_ERROR(true, false),
    /** HTTP 4xx other than 429: bad request, key, model. Repeating it gives the same. */
    REJECTED(false, false),
    /** The connection was refused. */
    UNREACHABLE(true, false),
    /** The connection failed while the request was under way. */
    CONNECTION_LOST(true, true),
    /** A 2xx answer that is not a chat completion. */
    BAD_RESPONSE(false, false);

    private final boolean retryable;
    private final boolean mayBeBilled;

    Kind(boolean retryable, boolean mayBeBilled) {
      this.retryable = retryable;
      this.mayBeBilled = mayBeBilled;
    }
  }

  private final Kind kind;

  public ChatFailure(Kind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }

  public boolean retryable() {
    return kind.retryable;
  }

  /** Whether the server may have billed the attempt although no answer arrived. */
  public boolean mayHaveBeenBilled() {
    return kind.mayBeBilled;
  }
}
