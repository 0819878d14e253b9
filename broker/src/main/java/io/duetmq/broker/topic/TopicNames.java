package io.duetmq.broker.topic;

import java.util.Set;

/**
 * Topic-name rules and the names with a meaning: RocketMQ's system topics, the retry and
 * dead-letter topics of a consumer group, and DuetMQ's internal topics. Stateless.
 */
public final class TopicNames {
  /** The template topic producers create topics from when auto-creation is on. */
  public static final String AUTO_CREATE_TOPIC = "TBW102";

  public static final String SCHEDULE_TOPIC = "SCHEDULE_TOPIC_XXXX";
  public static final String BENCHMARK_TOPIC = "BenchmarkTest";
  public static final String TRANS_HALF_TOPIC = "RMQ_SYS_TRANS_HALF_TOPIC";
  public static final String TRANS_OP_HALF_TOPIC = "RMQ_SYS_TRANS_OP_HALF_TOPIC";
  public static final String TRANS_CHECK_MAX_TIME_TOPIC = "TRANS_CHECK_MAX_TIME_TOPIC";
  public static final String TRACE_TOPIC = "RMQ_SYS_TRACE_TOPIC";
  public static final String SELF_TEST_TOPIC = "SELF_TEST_TOPIC";
  public static final String OFFSET_MOVED_EVENT = "OFFSET_MOVED_EVENT";
  public static final String RETRY_PREFIX = "%RETRY%";
  public static final String DLQ_PREFIX = "%DLQ%";
  public static final String REPLY_TOPIC_SUFFIX = "_REPLY_TOPIC";

  /** RocketMQ 5 names its internal topics with this prefix. */
  public static final String SYSTEM_PREFIX = "rmq_sys_";

  /**
   * DuetMQ's internal topics (offset journal, group state) start with this; never client-visible.
   */
  public static final String DUETMQ_PREFIX = "%DUETMQ%";

  public static final int MAX_LENGTH = 127;

  private static final Set<String> SYSTEM_TOPICS =
      Set.of(
          AUTO_CREATE_TOPIC,
          SCHEDULE_TOPIC,
          BENCHMARK_TOPIC,
          TRANS_HALF_TOPIC,
          TRANS_OP_HALF_TOPIC,
          TRANS_CHECK_MAX_TIME_TOPIC,
          TRACE_TOPIC,
          SELF_TEST_TOPIC,
          OFFSET_MOVED_EVENT);

  private static final Set<String> NOT_SENDABLE =
      Set.of(
          SCHEDULE_TOPIC,
          TRANS_HALF_TOPIC,
          TRANS_OP_HALF_TOPIC,
          TRANS_CHECK_MAX_TIME_TOPIC,
          SELF_TEST_TOPIC,
          OFFSET_MOVED_EVENT);

  private TopicNames() {}

  /**
   * Checks a name against RocketMQ's rule {@code ^[%|a-zA-Z0-9_-]+$}, at most 127 characters.
   *
   * @return null when valid, else the reason (RocketMQ's wording) for the INVALID_PARAMETER remark
   */
  public static String validate(String topic) {
    if (topic == null || topic.isBlank()) {
      return "The specified topic is blank.";
    }
    if (topic.length() > MAX_LENGTH) {
      return "The specified topic is longer than topic max length " + MAX_LENGTH + ".";
    }
    for (int i = 0; i < topic.length(); i++) {
      if (!isLegal(topic.charAt(i))) {
        return "The specified topic["
            + topic
            + "] contains illegal characters, allowing only ^[%|a-zA-Z0-9_-]+$";
      }
    }
    return null;
  }

  public static boolean isValid(String topic) {
    return validate(topic) == null;
  }

  /**
   * RocketMQ's system topics and DuetMQ's internal ones: not created or changed through admin
   * requests.
   */
  public static boolean isSystemTopic(String topic) {
    return SYSTEM_TOPICS.contains(topic)
        || topic.startsWith(SYSTEM_PREFIX)
        || topic.startsWith(DUETMQ_PREFIX);
  }

  /** Topics producers must not send to (NO_PERMISSION): the broker writes them itself. */
  public static boolean isNotSendable(String topic) {
    return NOT_SENDABLE.contains(topic) || topic.startsWith(DUETMQ_PREFIX);
  }

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

  private static boolean isLegal(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '%'
        || c == '|'
        || c == '_'
        || c == '-';
  }
}
