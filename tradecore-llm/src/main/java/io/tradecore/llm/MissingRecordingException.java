package io.tradecore.llm;

/**
 * Replay found no recorded response for a request; the message names the moment, the request hash
 * and the folder, and how to proceed.
 */
public final class MissingRecordingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MissingRecordingException(String message) {
    super(message);
  }
}
