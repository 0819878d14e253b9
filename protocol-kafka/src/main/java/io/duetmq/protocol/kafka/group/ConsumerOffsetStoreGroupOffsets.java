package io.duetmq.protocol.kafka.group;

import io.duetmq.broker.offset.ConsumerOffsetStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@link GroupOffsets} over the broker's {@link ConsumerOffsetStore} (journaled in the commit log,
 * snapshotted to {@code consumerOffset.json}). A commit counts as durable once its journal record
 * is appended. Thread-safe.
 *
 * <p>{@link #delete} is not atomic: the store can only drop a whole group, so the adapter drops the
 * group and commits the remaining offsets again. A commit by another client of the same group
 * between the two steps may be overwritten; OffsetDelete is refused for subscribed topics, which
 * makes that rare. A per-queue removal in the store would remove the window.
 */
public final class ConsumerOffsetStoreGroupOffsets implements GroupOffsets {
  private final ConsumerOffsetStore store;

  public ConsumerOffsetStoreGroupOffsets(ConsumerOffsetStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public CompletableFuture<Boolean> commit(String group, String topic, int partition, long offset) {
    return store
        .commit(group, topic, partition, offset)
        .handle((result, error) -> error == null && result.status().isStored());
  }

  @Override
  public long query(String group, String topic, int partition) {
    return store.query(group, topic, partition);
  }

  @Override
  public Map<String, Map<Integer, Long>> queryAll(String group) {
    return store.queryAll(group);
  }

  @Override
  public List<String> groupsOf(String topic) {
    return store.groupsOf(topic);
  }

  @Override
  public void removeGroup(String group) {
    store.removeGroup(group);
  }

  @Override
  public synchronized void delete(
      String group, Map<String, ? extends Collection<Integer>> partitions) {
    Map<String, Map<Integer, Long>> all = store.queryAll(group);
    store.removeGroup(group);
    all.forEach(
        (topic, queues) -> {
          Collection<Integer> dropped =
              partitions.containsKey(topic) ? partitions.get(topic) : List.of();
          queues.forEach(
              (queue, offset) -> {
                if (!dropped.contains(queue)) {
                  store.commit(group, topic, queue, offset);
                }
              });
        });
  }
}
