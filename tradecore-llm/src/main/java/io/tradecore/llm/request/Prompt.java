package io.tradecore.llm.request;

import java.util.Objects;

/** The two messages sent to the model: the fixed rules (system) and the moment's data (user). */
public record Prompt(String system, String user) {
  public Prompt {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(user, "user");
  }

  /** Characters sent in both messages. */
  public long chars() {
    return (long) system.length() + user.length();
  }
}
