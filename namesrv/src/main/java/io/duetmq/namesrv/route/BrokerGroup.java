package io.duetmq.namesrv.route;

import java.util.Map;
import java.util.TreeMap;

/**
 * The members of one broker group by broker id. Mutable; not thread-safe: guarded by {@link
 * RouteTables}.
 */
final class BrokerGroup {

  private final String cluster;
  private final String brokerName;
  private final TreeMap<Long, String> addrs = new TreeMap<>();
  private boolean enableActingMaster;

  BrokerGroup(String cluster, String brokerName) {
    this.cluster = cluster;
    this.brokerName = brokerName;
  }

  String cluster() {
    return cluster;
  }

  String brokerName() {
    return brokerName;
  }

  boolean enableActingMaster() {
    return enableActingMaster;
  }

  void setEnableActingMaster(boolean enabled) {
    this.enableActingMaster = enabled;
  }

  String addr(long brokerId) {
    return addrs.get(brokerId);
  }

  /** Registers {@code addr} under {@code brokerId}; returns the address it replaced, or null. */
  String put(long brokerId, String addr) {
    return addrs.put(brokerId, addr);
  }

  /**
   * Drops {@code addr} from every id other than {@code brokerId}: one address holds one id, so a
   * slave that becomes master leaves its old slave id.
   */
  void removeOtherIds(String addr, long brokerId) {
    addrs.entrySet().removeIf(e -> e.getKey() != brokerId && e.getValue().equals(addr));
  }

  /** Removes every id held by {@code addr}; true when one was removed. */
  boolean removeAddr(String addr) {
    return addrs.values().removeIf(addr::equals);
  }

  /** The id {@code addr} holds, or null. */
  Long idOf(String addr) {
    for (Map.Entry<Long, String> e : addrs.entrySet()) {
      if (e.getValue().equals(addr)) {
        return e.getKey();
      }
    }
    return null;
  }

  boolean isEmpty() {
    return addrs.isEmpty();
  }

  /** The smallest broker id; call only when not empty. */
  long minBrokerId() {
    return addrs.firstKey();
  }

  /** A member's address (the master's when there is one), or null when empty. */
  String anyAddr() {
    return addrs.isEmpty() ? null : addrs.firstEntry().getValue();
  }

  Iterable<String> addrs() {
    return addrs.values();
  }

  BrokerData toBrokerData() {
    return new BrokerData(cluster, brokerName, addrs, enableActingMaster);
  }
}
