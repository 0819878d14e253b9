package io.duetmq.protocol.rocketmq.codec;

/**
 * Response codes the remoting layer itself produces (RocketMQ's system codes). Request-specific
 * codes belong to the handlers that answer with them.
 */
public final class ResponseCode {

  public static final int SUCCESS = 0;
  public static final int SYSTEM_ERROR = 1;
  public static final int SYSTEM_BUSY = 2;
  public static final int REQUEST_CODE_NOT_SUPPORTED = 3;
  public static final int TRANSACTION_FAILED = 4;

  private ResponseCode() {}
}
