package io.duetmq.namesrv.route;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Live brokers by address. Not thread-safe: guarded by {@link RouteTables}. */
final class BrokerLiveTable {

  private final SortedMap<String, BrokerLiveInfo> brokers = new TreeMap<>();

  BrokerLiveInfo get(String brokerAddr) {
    return brokers.get(brokerAddr);
  }

  void put(BrokerLiveInfo info) {
    brokers.put(info.brokerAddr(), info);
  }

  BrokerLiveInfo remove(String brokerAddr) {
    return brokers.remove(brokerAddr);
  }

  /** Brokers that registered on the connection with id {@code channelId}. */
  List<BrokerLiveInfo> registeredOn(long channelId) {
    List<BrokerLiveInfo> result = new ArrayList<>();
    for (BrokerLiveInfo info : brokers.values()) {
      if (info.channel() != null && info.channel().id() == channelId) {
        result.add(info);
      }
    }
    return result;
  }

  /** Brokers silent for longer than their timeout at {@code nowMillis}. */
  List<BrokerLiveInfo> expiredAt(long nowMillis) {
    List<BrokerLiveInfo> result = new ArrayList<>();
    for (BrokerLiveInfo info : brokers.values()) {
      if (info.isExpiredAt(nowMillis)) {
        result.add(info);
      }
    }
    return result;
  }

  List<BrokerLiveInfo> snapshot() {
    return new ArrayList<>(brokers.values());
  }
}
