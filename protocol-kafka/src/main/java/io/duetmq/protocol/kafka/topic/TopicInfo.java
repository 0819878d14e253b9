package io.duetmq.protocol.kafka.topic;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One topic as the Kafka head sees it. Immutable.
 *
 * @param name the topic name
 * @param topicId stable for the life of the topic, different after delete and re-create
 * @param partitions partition count (partitions are 0 … count-1)
 * @param configs per-topic overrides only (Kafka's TOPIC_CONFIG source); defaults come from {@link
 *     TopicConfigKeys}
 */
public record TopicInfo(String name, UUID topicId, int partitions, Map<String, String> configs) {
  public TopicInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(topicId, "topicId");
    if (partitions < 1) {
      throw new IllegalArgumentException("topic " + name + " with " + partitions + " partitions");
    }
    configs = Map.copyOf(configs);
  }

  /** The effective value of {@code key}: the override, else the default. */
  public String config(String key) {
    String value = configs.get(key);
    return value != null ? value : TopicConfigKeys.defaultValue(key);
  }

  /** {@code max.message.bytes}: the largest batch accepted. */
  public int maxMessageBytes() {
    return Integer.parseInt(config(TopicConfigKeys.MAX_MESSAGE_BYTES));
  }

  /** True if {@code message.timestamp.type} is LogAppendTime. */
  public boolean logAppendTime() {
    return "LogAppendTime".equals(config(TopicConfigKeys.MESSAGE_TIMESTAMP_TYPE));
  }

  /** {@code message.timestamp.after.max.ms}: how far in the future a batch may be stamped. */
  public long timestampAfterMaxMs() {
    return Long.parseLong(config(TopicConfigKeys.MESSAGE_TIMESTAMP_AFTER_MAX_MS));
  }

  /** {@code message.timestamp.before.max.ms}: how far in the past a batch may be stamped. */
  public long timestampBeforeMaxMs() {
    return Long.parseLong(config(TopicConfigKeys.MESSAGE_TIMESTAMP_BEFORE_MAX_MS));
  }
}
