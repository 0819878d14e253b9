package io.duetmq.protocol.rocketmq.handler;

/** Response codes of broker requests (reference §1.9), beyond the remoting layer's system codes. */
public final class BrokerResponseCode {
  public static final int FLUSH_DISK_TIMEOUT = 10;
  public static final int SLAVE_NOT_AVAILABLE = 11;
  public static final int FLUSH_SLAVE_TIMEOUT = 12;
  public static final int MESSAGE_ILLEGAL = 13;
  public static final int SERVICE_NOT_AVAILABLE = 14;
  public static final int NO_PERMISSION = 16;
  public static final int TOPIC_NOT_EXIST = 17;
  public static final int PULL_NOT_FOUND = 19;
  public static final int PULL_RETRY_IMMEDIATELY = 20;
  public static final int PULL_OFFSET_MOVED = 21;
  public static final int QUERY_NOT_FOUND = 22;
  public static final int SUBSCRIPTION_PARSE_FAILED = 23;
  public static final int SUBSCRIPTION_NOT_EXIST = 24;
  public static final int SUBSCRIPTION_NOT_LATEST = 25;
  public static final int SUBSCRIPTION_GROUP_NOT_EXIST = 26;
  public static final int INVALID_PARAMETER = 29;

  private BrokerResponseCode() {}
}
