package io.tradecore.policy;

import java.nio.file.Path;

/**
 * A policy's model, spec or trace that cannot be used: the message is one line that starts with the
 * file's path and says what is wrong in it.
 */
public final class InvalidPolicyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public InvalidPolicyException(Path file, String problem) {
    super(file + ": " + oneLine(problem));
    this.file = file;
  }

  public InvalidPolicyException(Path file, String problem, Throwable cause) {
    super(file + ": " + oneLine(problem), cause);
    this.file = file;
  }

  /** The file the problem is in. */
  public Path file() {
    return file;
  }

  static String oneLine(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
