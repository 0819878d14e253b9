package io.duetmq.protocol.rocketmq.handler.admin;

/**
 * Request and response codes of this package that the shared tables do not list (reference §1.9,
 * §1.10).
 */
final class AdminCodes {
  /** Response: the consumer group has no live client. */
  static final int CONSUMER_NOT_ONLINE = 206;

  private AdminCodes() {}
}
