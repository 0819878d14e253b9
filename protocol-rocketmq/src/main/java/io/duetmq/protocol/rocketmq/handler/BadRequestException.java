package io.duetmq.protocol.rocketmq.handler;

/**
 * A request whose header or body cannot be understood; answered with SYSTEM_ERROR and this message.
 */
public final class BadRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadRequestException(String message) {
    super(message);
  }
}
