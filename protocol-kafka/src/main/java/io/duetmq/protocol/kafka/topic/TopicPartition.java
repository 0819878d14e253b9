package io.duetmq.protocol.kafka.topic;

import java.util.Objects;

/** A (topic, partition) pair, used as a map key. Immutable. */
public record TopicPartition(String topic, int partition) {
  public TopicPartition {
    Objects.requireNonNull(topic, "topic");
  }

  @Override
  public String toString() {
    return topic + "-" + partition;
  }
}
