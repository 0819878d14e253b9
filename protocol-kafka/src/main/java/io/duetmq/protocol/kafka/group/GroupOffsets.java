package io.duetmq.protocol.kafka.group;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The port to the broker's one committed-offset table (DESIGN §4): a Kafka group "G" committing
 * offset 42 on partition 3 of topic T is RocketMQ group "G" at queue 3 of T. An offset is the next
 * one to consume. Implementations must be thread-safe; reads are called on event loops and must
 * answer from memory.
 */
public interface GroupOffsets {

  /**
   * Stores an offset durably.
   *
   * @return completes with true once the offset is durable (as the store defines it), false if it
   *     could not be stored
   */
  CompletableFuture<Boolean> commit(String group, String topic, int partition, long offset);

  /** The committed offset, or -1. */
  long query(String group, String topic, int partition);

  /** Every committed offset of the group: topic to partition to offset. */
  Map<String, Map<Integer, Long>> queryAll(String group);

  /** The groups with committed offsets in {@code topic}. */
  List<String> groupsOf(String topic);

  /** Forgets every offset of the group. */
  void removeGroup(String group);

  /** Forgets the offsets of these partitions (topic to partitions) of the group. */
  void delete(String group, Map<String, ? extends Collection<Integer>> partitions);
}
