package io.duetmq.protocol.rocketmq.handler.admin;

/**
 * A SEND_BATCH_MESSAGE body that does not follow the batch layout; answered with MESSAGE_ILLEGAL.
 */
final class MalformedBatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MalformedBatchException(String message) {
    super(message);
  }
}
