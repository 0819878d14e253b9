package io.duetmq.broker.topic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One topic's settings, with RocketMQ's field names ({@code TopicConfig} in {@code topics.json},
 * REGISTER_BROKER and GET_TOPIC_CONFIG). Immutable. The name's syntax is not checked here (files
 * written by other brokers are loaded as they are); {@link TopicNames#validate} is the rule for new
 * topics.
 *
 * @param topicName the name
 * @param readQueueNums queues consumers read (0..n-1)
 * @param writeQueueNums queues producers write (0..n-1)
 * @param perm {@link Permission} bits
 * @param topicFilterType tag layout
 * @param topicSysFlag RocketMQ's unit-mode flags, kept as given
 * @param order whether the topic is declared ordered
 * @param attributes RocketMQ 5 topic attributes (e.g. {@code message.type}), in insertion order
 */
public record TopicConfig(
    String topicName,
    int readQueueNums,
    int writeQueueNums,
    int perm,
    TopicFilterType topicFilterType,
    int topicSysFlag,
    boolean order,
    Map<String, String> attributes) {

  public TopicConfig {
    Objects.requireNonNull(topicName, "topicName");
    Objects.requireNonNull(topicFilterType, "topicFilterType");
    if (topicName.isEmpty()) {
      throw new IllegalArgumentException("topicName is empty");
    }
    if (readQueueNums < 0 || writeQueueNums < 0) {
      throw new IllegalArgumentException(
          "topic "
              + topicName
              + ": queue counts must be >= 0, got read "
              + readQueueNums
              + " write "
              + writeQueueNums);
    }
    if (perm < 0 || perm > 7) {
      throw new IllegalArgumentException("topic " + topicName + ": perm " + perm + " not in 0..7");
    }
    attributes =
        attributes == null || attributes.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** A plain topic: {@code queues} read and write queues, single tag, not ordered. */
  public static TopicConfig of(String topicName, int queues, int perm) {
    return new TopicConfig(
        topicName, queues, queues, perm, TopicFilterType.SINGLE_TAG, 0, false, Map.of());
  }

  public boolean isReadable() {
    return Permission.isReadable(perm);
  }

  public boolean isWritable() {
    return Permission.isWritable(perm);
  }

  public boolean isInheritable() {
    return Permission.isInheritable(perm);
  }

  /** The number of queue ids in use: max(read, write); ids at or above it are invalid. */
  public int queueNums() {
    return Math.max(readQueueNums, writeQueueNums);
  }

  public TopicConfig withPerm(int value) {
    return new TopicConfig(
        topicName,
        readQueueNums,
        writeQueueNums,
        value,
        topicFilterType,
        topicSysFlag,
        order,
        attributes);
  }
}
