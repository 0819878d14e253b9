package io.duetmq.namesrv.route;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Cluster name to the broker names in it. Not thread-safe: guarded by {@link RouteTables}. */
final class ClusterTable {

  private final SortedMap<String, SortedSet<String>> clusters = new TreeMap<>();

  void add(String cluster, String brokerName) {
    clusters.computeIfAbsent(cluster, k -> new TreeSet<>()).add(brokerName);
  }

  /** Removes {@code brokerName}, and the cluster when it is left empty. */
  void remove(String cluster, String brokerName) {
    SortedSet<String> names = clusters.get(cluster);
    if (names != null) {
      names.remove(brokerName);
      if (names.isEmpty()) {
        clusters.remove(cluster);
      }
    }
  }

  /** The broker names of {@code cluster}; empty when unknown. Live view: do not keep. */
  Set<String> brokerNames(String cluster) {
    SortedSet<String> names = clusters.get(cluster);
    return names == null ? Set.of() : names;
  }

  Set<String> clusterNames() {
    return clusters.keySet();
  }

  SortedMap<String, SortedSet<String>> snapshot() {
    SortedMap<String, SortedSet<String>> copy = new TreeMap<>();
    for (Map.Entry<String, SortedSet<String>> e : clusters.entrySet()) {
      copy.put(e.getKey(), new TreeSet<>(e.getValue()));
    }
    return copy;
  }
}
