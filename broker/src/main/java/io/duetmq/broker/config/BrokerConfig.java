package io.duetmq.broker.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Immutable broker-level settings, validated once here. Names follow RocketMQ's {@code broker.conf}
 * (see {@link BrokerConfigKeys}); the store's own keys live in {@code io.duetmq.store.StoreConfig}.
 *
 * @param brokerClusterName cluster name; also a topic the broker creates
 * @param brokerName replica-group name; also a topic the broker creates
 * @param brokerId 0 for a master, &ge; 1 for a slave
 * @param brokerRole replication role
 * @param namesrvAddr NameServer addresses {@code host:port;host:port}, empty when none
 * @param brokerIp1 address advertised to clients ({@code brokerIP1})
 * @param listenPort RocketMQ remoting port
 * @param kafkaPort Kafka listener port
 * @param brokerPermission permission bits advertised for this broker (4 read, 2 write)
 * @param autoCreateTopicEnable create TBW102 with the inherit bit so that sends create topics
 * @param autoCreateSubscriptionGroup create a subscription group on first heartbeat or pull
 * @param defaultTopicQueueNums queues of TBW102, hence the most an auto-created topic gets
 * @param clusterTopicEnable the cluster-name topic is readable and writable (else inherit only)
 * @param brokerTopicEnable the broker-name topic is readable and writable (else inherit only)
 * @param maxReconsumeTimes retries before a message goes to the DLQ, for auto-created groups
 * @param channelExpiredTimeoutMillis a client without heartbeat for this long is dropped
 * @param notifyConsumerIdsChangedEnable tell consumers when their group's membership changes
 * @param flushConsumerOffsetIntervalMillis how often {@code consumerOffset.json} is rewritten
 */
public record BrokerConfig(
    String brokerClusterName,
    String brokerName,
    long brokerId,
    BrokerRole brokerRole,
    String namesrvAddr,
    String brokerIp1,
    int listenPort,
    int kafkaPort,
    int brokerPermission,
    boolean autoCreateTopicEnable,
    boolean autoCreateSubscriptionGroup,
    int defaultTopicQueueNums,
    boolean clusterTopicEnable,
    boolean brokerTopicEnable,
    int maxReconsumeTimes,
    long channelExpiredTimeoutMillis,
    boolean notifyConsumerIdsChangedEnable,
    long flushConsumerOffsetIntervalMillis) {

  // The cluster and broker names become topic names, so they obey the topic-name rule.
  private static final Pattern NAME = Pattern.compile("^[%|a-zA-Z0-9_-]{1,127}$");

  public BrokerConfig {
    requireName("brokerClusterName", brokerClusterName);
    requireName("brokerName", brokerName);
    Objects.requireNonNull(brokerRole, "brokerRole");
    Objects.requireNonNull(namesrvAddr, "namesrvAddr");
    Objects.requireNonNull(brokerIp1, "brokerIP1");
    if (brokerRole.isMaster() && brokerId != 0) {
      throw new IllegalArgumentException(
          "brokerId = " + brokerId + " but brokerRole = " + brokerRole + ": a master's id is 0");
    }
    if (!brokerRole.isMaster() && brokerId < 1) {
      throw new IllegalArgumentException("brokerId = " + brokerId + ", a SLAVE's id must be >= 1");
    }
    if (brokerIp1.isBlank()) {
      throw new IllegalArgumentException("brokerIP1 is blank");
    }
    port("listenPort", listenPort);
    port("kafkaPort", kafkaPort);
    range("brokerPermission", brokerPermission, 0, 7);
    range("defaultTopicQueueNums", defaultTopicQueueNums, 1, 65_535);
    range("maxReconsumeTimes", maxReconsumeTimes, 0, Integer.MAX_VALUE);
    range("channelExpiredTimeout", channelExpiredTimeoutMillis, 1, Long.MAX_VALUE);
    range("flushConsumerOffsetInterval", flushConsumerOffsetIntervalMillis, 1, Long.MAX_VALUE);
    parseAddresses(namesrvAddr);
  }

  /** The defaults of every key. */
  public static BrokerConfig defaults() {
    return BrokerConfigKeys.fromProperties(Map.of());
  }

  /** {@code brokerIP1:listenPort}, the address the broker registers with the NameServer. */
  public String brokerAddress() {
    return brokerIp1 + ":" + listenPort;
  }

  /** The NameServer addresses in configured order; empty when none. */
  public List<String> namesrvAddresses() {
    return parseAddresses(namesrvAddr);
  }

  private static List<String> parseAddresses(String value) {
    List<String> addresses = new ArrayList<>();
    for (String part : value.split(";")) {
      String address = part.trim();
      if (address.isEmpty()) {
        continue;
      }
      int colon = address.lastIndexOf(':');
      boolean valid = colon > 0 && colon < address.length() - 1;
      if (valid) {
        try {
          int port = Integer.parseInt(address.substring(colon + 1));
          valid = port > 0 && port <= 65_535;
        } catch (NumberFormatException e) {
          valid = false;
        }
      }
      if (!valid) {
        throw new IllegalArgumentException(
            "namesrvAddr = '" + value + "': '" + address + "' is not host:port");
      }
      addresses.add(address);
    }
    return List.copyOf(addresses);
  }

  private static void requireName(String key, String value) {
    Objects.requireNonNull(value, key);
    if (!NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(
          key + " = '" + value + "' must match [%|a-zA-Z0-9_-], 1..127 characters");
    }
  }

  private static void port(String key, int value) {
    range(key, value, 0, 65_535);
  }

  private static void range(String key, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          key + " = " + value + ", must be within " + min + ".." + max);
    }
  }
}
