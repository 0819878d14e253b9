package io.duetmq.broker.retry;

/** Names of the per-group system topics of retries and dead letters. Stateless. */
public final class RetryTopicNames {
  /** Prefix of a group's retry topic. */
  public static final String RETRY_PREFIX = "%RETRY%";

  /** Prefix of a group's dead-letter topic. */
  public static final String DLQ_PREFIX = "%DLQ%";

  private RetryTopicNames() {}

  public static String retryTopic(String group) {
    return RETRY_PREFIX + group;
  }

  public static String dlqTopic(String group) {
    return DLQ_PREFIX + group;
  }

  public static boolean isRetryTopic(String topic) {
    return topic.startsWith(RETRY_PREFIX);
  }

  public static boolean isDlqTopic(String topic) {
    return topic.startsWith(DLQ_PREFIX);
  }

  /**
   * The group of a retry topic.
   *
   * @throws IllegalArgumentException when {@code topic} is not a retry topic
   */
  public static String groupOfRetryTopic(String topic) {
    if (!isRetryTopic(topic)) {
      throw new IllegalArgumentException("not a retry topic: " + topic);
    }
    return topic.substring(RETRY_PREFIX.length());
  }
}
