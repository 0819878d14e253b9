package io.duetmq.namesrv.route;

import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One REGISTER_BROKER request, decoded.
 *
 * @param clusterName the broker's cluster
 * @param brokerAddr its remoting address {@code host:port}
 * @param brokerName its group
 * @param brokerId 0 = master, 1.. = slave
 * @param haServerAddr where slaves replicate from; nullable
 * @param kafkaAddress DuetMQ extension: its Kafka listener; nullable
 * @param heartbeatTimeoutMillis overrides the default expiry; nullable
 * @param enableActingMaster null for brokers that predate acting-master mode
 * @param dataVersion the version of {@code topicConfigs}
 * @param topicConfigs topic name to config; copied
 * @param filterServerList nullable = leave the broker's filter servers as they are; empty = clear
 * @param channel the connection the request came on; nullable
 */
public record BrokerRegistration(
    String clusterName,
    String brokerAddr,
    String brokerName,
    long brokerId,
    String haServerAddr,
    String kafkaAddress,
    Long heartbeatTimeoutMillis,
    Boolean enableActingMaster,
    DataVersion dataVersion,
    Map<String, TopicConfig> topicConfigs,
    List<String> filterServerList,
    RemotingChannel channel) {

  public BrokerRegistration {
    Objects.requireNonNull(clusterName, "clusterName");
    Objects.requireNonNull(brokerAddr, "brokerAddr");
    Objects.requireNonNull(brokerName, "brokerName");
    Objects.requireNonNull(dataVersion, "dataVersion");
    if (brokerId < 0) {
      throw new IllegalArgumentException("brokerId must not be negative: " + brokerId);
    }
    topicConfigs = Map.copyOf(topicConfigs);
    filterServerList = filterServerList == null ? null : List.copyOf(filterServerList);
  }
}
