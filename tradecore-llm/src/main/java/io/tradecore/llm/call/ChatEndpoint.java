package io.tradecore.llm.call;

/** A chat-completions server, called once per attempt (retries are the caller's). */
public interface ChatEndpoint {
  /**
   * Sends {@code call} and waits for the answer.
   *
   * @throws ChatFailure when there is no usable answer, saying whether to retry
   */
  ChatReply complete(ChatCall call);
}
