package io.duetmq.protocol.kafka.producer;

import io.duetmq.protocol.kafka.topic.TopicPartition;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The {@link PartitionProducerState} of every partition, created on first use. Thread-safe.
 *
 * <p>State is kept in memory and rebuilt from the log at start-up ({@link ProducerStateLoader});
 * there is no snapshot file.
 */
public final class ProducerStateTable {
  private final ConcurrentMap<TopicPartition, PartitionProducerState> partitions =
      new ConcurrentHashMap<>();
  private final long expirationMillis;

  /**
   * @param expirationMillis {@code producer.id.expiration.ms}
   */
  public ProducerStateTable(long expirationMillis) {
    this.expirationMillis = expirationMillis;
  }

  public long expirationMillis() {
    return expirationMillis;
  }

  /** The state of {@code partition}, created empty if absent. */
  public PartitionProducerState partition(TopicPartition partition) {
    return partitions.computeIfAbsent(partition, p -> new PartitionProducerState(expirationMillis));
  }

  /** Drops the state of every partition of {@code topic} (the topic was deleted). */
  public void removeTopic(String topic) {
    partitions.keySet().removeIf(tp -> tp.topic().equals(topic));
  }
}
