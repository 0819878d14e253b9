package io.duetmq.protocol.rocketmq.server;

/** A connection could not be made, or closed / failed before a request got its response. */
public final class RemotingConnectionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message names the peer and what was attempted. */
  public RemotingConnectionException(String message) {
    super(message);
  }

  /** Creates the exception with the transport's cause. */
  public RemotingConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
