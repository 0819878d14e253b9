package io.duetmq.protocol.rocketmq.server;

/** No response arrived in time for an invocation. */
public final class RemotingTimeoutException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message names the request code, opaque, peer and timeout. */
  public RemotingTimeoutException(String message) {
    super(message);
  }
}
