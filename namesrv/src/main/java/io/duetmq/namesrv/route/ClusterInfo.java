package io.duetmq.namesrv.route;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every broker group and cluster the NameServer knows (GET_BROKER_CLUSTER_INFO).
 *
 * @param brokerAddrTable broker name to group, sorted by name
 * @param clusterAddrTable cluster name to its broker names, sorted
 * @param kafkaAddrTable DuetMQ extension: broker address to Kafka listener address, for live
 *     brokers that published one, sorted
 */
public record ClusterInfo(
    SortedMap<String, BrokerData> brokerAddrTable,
    SortedMap<String, SortedSet<String>> clusterAddrTable,
    SortedMap<String, String> kafkaAddrTable) {

  public ClusterInfo {
    brokerAddrTable = Collections.unmodifiableSortedMap(new TreeMap<>(brokerAddrTable));
    SortedMap<String, SortedSet<String>> clusters = new TreeMap<>();
    for (Map.Entry<String, SortedSet<String>> e : clusterAddrTable.entrySet()) {
      clusters.put(e.getKey(), Collections.unmodifiableSortedSet(new TreeSet<>(e.getValue())));
    }
    clusterAddrTable = Collections.unmodifiableSortedMap(clusters);
    kafkaAddrTable = Collections.unmodifiableSortedMap(new TreeMap<>(kafkaAddrTable));
  }
}
