package io.duetmq.protocol.kafka.group;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * {@link GroupOffsets} in memory, for tests and embedding: nothing survives the process.
 * Thread-safe (one monitor).
 */
public final class InMemoryGroupOffsets implements GroupOffsets {
  private final Map<String, Map<String, Map<Integer, Long>>> byGroup = new TreeMap<>();

  @Override
  public synchronized CompletableFuture<Boolean> commit(
      String group, String topic, int partition, long offset) {
    byGroup
        .computeIfAbsent(group, g -> new TreeMap<>())
        .computeIfAbsent(topic, t -> new TreeMap<>())
        .put(partition, offset);
    return CompletableFuture.completedFuture(true);
  }

  @Override
  public synchronized long query(String group, String topic, int partition) {
    return byGroup
        .getOrDefault(group, Map.of())
        .getOrDefault(topic, Map.of())
        .getOrDefault(partition, -1L);
  }

  @Override
  public synchronized Map<String, Map<Integer, Long>> queryAll(String group) {
    Map<String, Map<Integer, Long>> copy = new TreeMap<>();
    byGroup
        .getOrDefault(group, Map.of())
        .forEach(
            (topic, partitions) -> {
              if (!partitions.isEmpty()) {
                copy.put(topic, new TreeMap<>(partitions));
              }
            });
    return copy;
  }

  @Override
  public synchronized List<String> groupsOf(String topic) {
    TreeSet<String> groups = new TreeSet<>();
    byGroup.forEach(
        (group, topics) -> {
          if (!topics.getOrDefault(topic, Map.of()).isEmpty()) {
            groups.add(group);
          }
        });
    return List.copyOf(groups);
  }

  @Override
  public synchronized void removeGroup(String group) {
    byGroup.remove(group);
  }

  @Override
  public synchronized void delete(
      String group, Map<String, ? extends Collection<Integer>> partitions) {
    Map<String, Map<Integer, Long>> topics = byGroup.get(group);
    if (topics != null) {
      partitions.forEach(
          (topic, ids) -> topics.getOrDefault(topic, new TreeMap<>()).keySet().removeAll(ids));
    }
  }
}
