package io.duetmq.namesrv.route;

import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import java.util.Objects;

/**
 * What the NameServer knows about one live broker process, keyed by its address.
 *
 * @param brokerAddr the broker's remoting address {@code host:port}
 * @param clusterName its cluster
 * @param lastUpdateMillis when it last registered (NameServer clock, epoch millis)
 * @param heartbeatTimeoutMillis how long it may stay silent before it is removed
 * @param dataVersion the topic-table version of its last registration
 * @param channel the connection it registered on; nullable (e.g. in unit tests)
 * @param haServerAddr the address slaves replicate from; nullable
 * @param kafkaAddress DuetMQ extension: its Kafka listener {@code host:port}; nullable
 */
public record BrokerLiveInfo(
    String brokerAddr,
    String clusterName,
    long lastUpdateMillis,
    long heartbeatTimeoutMillis,
    DataVersion dataVersion,
    RemotingChannel channel,
    String haServerAddr,
    String kafkaAddress) {

  public BrokerLiveInfo {
    Objects.requireNonNull(brokerAddr, "brokerAddr");
    Objects.requireNonNull(clusterName, "clusterName");
    Objects.requireNonNull(dataVersion, "dataVersion");
  }

  /** True when the broker has been silent for longer than its timeout at {@code nowMillis}. */
  public boolean isExpiredAt(long nowMillis) {
    return lastUpdateMillis + heartbeatTimeoutMillis < nowMillis;
  }

  /** Copy refreshed at {@code nowMillis}. */
  public BrokerLiveInfo touchedAt(long nowMillis) {
    return new BrokerLiveInfo(
        brokerAddr,
        clusterName,
        nowMillis,
        heartbeatTimeoutMillis,
        dataVersion,
        channel,
        haServerAddr,
        kafkaAddress);
  }
}
