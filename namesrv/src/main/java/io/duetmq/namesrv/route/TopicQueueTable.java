package io.duetmq.namesrv.route;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

/**
 * Topic to the queue data of each broker group serving it. A topic disappears with its last queue
 * data. Not thread-safe: guarded by {@link RouteTables}.
 */
final class TopicQueueTable {

  private final SortedMap<String, SortedMap<String, QueueData>> topics = new TreeMap<>();

  void put(String topic, QueueData queueData) {
    topics.computeIfAbsent(topic, k -> new TreeMap<>()).put(queueData.brokerName(), queueData);
  }

  boolean serves(String topic, String brokerName) {
    SortedMap<String, QueueData> byBroker = topics.get(topic);
    return byBroker != null && byBroker.containsKey(brokerName);
  }

  /** The queue datas of {@code topic} sorted by broker name; empty when unknown. */
  List<QueueData> queueDatas(String topic) {
    SortedMap<String, QueueData> byBroker = topics.get(topic);
    return byBroker == null ? List.of() : new ArrayList<>(byBroker.values());
  }

  /** Removes the given groups from every topic; drops topics left empty. */
  void removeBrokers(Collection<String> brokerNames) {
    if (brokerNames.isEmpty()) {
      return;
    }
    Iterator<SortedMap<String, QueueData>> it = topics.values().iterator();
    while (it.hasNext()) {
      SortedMap<String, QueueData> byBroker = it.next();
      byBroker.keySet().removeAll(brokerNames);
      if (byBroker.isEmpty()) {
        it.remove();
      }
    }
  }

  /** Removes the given groups from {@code topic}; drops it when left empty. */
  void removeBrokersFromTopic(String topic, Collection<String> brokerNames) {
    SortedMap<String, QueueData> byBroker = topics.get(topic);
    if (byBroker != null) {
      byBroker.keySet().removeAll(brokerNames);
      if (byBroker.isEmpty()) {
        topics.remove(topic);
      }
    }
  }

  void removeTopic(String topic) {
    topics.remove(topic);
  }

  /**
   * Applies {@code change} to the perm of every queue data of {@code brokerName}; returns how many.
   */
  int updatePerm(String brokerName, IntUnaryOperator change) {
    int count = 0;
    for (SortedMap<String, QueueData> byBroker : topics.values()) {
      QueueData queueData = byBroker.get(brokerName);
      if (queueData != null) {
        byBroker.put(brokerName, queueData.withPerm(change.applyAsInt(queueData.perm())));
        count++;
      }
    }
    return count;
  }

  List<String> topics() {
    return new ArrayList<>(topics.keySet());
  }

  /** Topics that at least one of {@code brokerNames} serves, sorted. */
  List<String> topicsServedBy(Collection<String> brokerNames) {
    List<String> result = new ArrayList<>();
    for (Map.Entry<String, SortedMap<String, QueueData>> e : topics.entrySet()) {
      for (String name : brokerNames) {
        if (e.getValue().containsKey(name)) {
          result.add(e.getKey());
          break;
        }
      }
    }
    return result;
  }
}
