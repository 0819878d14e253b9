package io.duetmq.namesrv.route;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One broker group as clients see it: the addresses of its members by broker id (0 = master).
 *
 * @param cluster the cluster the group belongs to
 * @param brokerName the group's name
 * @param brokerAddrs broker id to {@code host:port}; copied, sorted by id, unmodifiable
 * @param enableActingMaster whether the group registered with acting-master mode on
 */
public record BrokerData(
    String cluster,
    String brokerName,
    SortedMap<Long, String> brokerAddrs,
    boolean enableActingMaster) {

  public BrokerData {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(brokerName, "brokerName");
    brokerAddrs = Collections.unmodifiableSortedMap(new TreeMap<>(brokerAddrs));
  }

  /** The master's address (broker id 0), or null when the group has no master now. */
  public String masterAddr() {
    return brokerAddrs.get(0L);
  }
}
