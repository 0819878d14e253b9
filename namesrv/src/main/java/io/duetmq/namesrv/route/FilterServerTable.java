package io.duetmq.namesrv.route;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Broker address to the filter servers it announced (a RocketMQ 4 feature; usually empty). Not
 * thread-safe: guarded by {@link RouteTables}.
 */
final class FilterServerTable {

  private final Map<String, List<String>> servers = new HashMap<>();

  /** Records the list; an empty list removes the entry. */
  void put(String brokerAddr, List<String> filterServers) {
    if (filterServers.isEmpty()) {
      servers.remove(brokerAddr);
    } else {
      servers.put(brokerAddr, List.copyOf(filterServers));
    }
  }

  void remove(String brokerAddr) {
    servers.remove(brokerAddr);
  }

  List<String> get(String brokerAddr) {
    return servers.get(brokerAddr);
  }

  boolean isEmpty() {
    return servers.isEmpty();
  }
}
