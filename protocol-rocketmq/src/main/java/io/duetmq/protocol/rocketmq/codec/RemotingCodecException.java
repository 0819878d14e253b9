package io.duetmq.protocol.rocketmq.codec;

/**
 * Malformed remoting bytes (or a command that cannot be expressed in the requested encoding). The
 * message names the offending values. A server closes the connection on it.
 */
public final class RemotingCodecException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that carries the offending values. */
  public RemotingCodecException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying failure. */
  public RemotingCodecException(String message, Throwable cause) {
    super(message, cause);
  }
}
