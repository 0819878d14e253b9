package io.duetmq.broker.config;

import java.util.List;
import java.util.Map;

/**
 * The {@code broker.conf} keys the engine understands, with Apache RocketMQ's names and defaults
 * where RocketMQ has the key, and the one place that turns such properties into a {@link
 * BrokerConfig}. Unknown keys are left to other modules.
 *
 * <p>Parsing is stricter than RocketMQ's, never laxer: RocketMQ silently ignores a number with a
 * trailing space and reads any boolean other than {@code true} as false; here both fail with the
 * key and value in the message.
 */
public final class BrokerConfigKeys {
  /** One key: its name, its default as written in a config file, and what it means. */
  public record Key(String name, String defaultValue, String doc) {}

  public static final List<Key> KEYS =
      List.of(
          new Key("brokerClusterName", "DefaultCluster", "cluster name (also a topic)"),
          new Key("brokerName", "broker-a", "replica-group name (also a topic)"),
          new Key("brokerId", "0", "0 master, >= 1 slave"),
          new Key("brokerRole", "ASYNC_MASTER", "ASYNC_MASTER, SYNC_MASTER or SLAVE"),
          new Key("namesrvAddr", "", "NameServer addresses, host:port;host:port"),
          new Key("brokerIP1", "127.0.0.1", "address advertised to clients"),
          new Key("listenPort", "10911", "RocketMQ remoting port"),
          new Key("kafkaPort", "9092", "Kafka listener port (DuetMQ)"),
          new Key("brokerPermission", "6", "permission bits advertised: 4 read, 2 write"),
          new Key("autoCreateTopicEnable", "true", "TBW102 lets producers create topics"),
          new Key(
              "autoCreateSubscriptionGroup", "true", "create groups on first heartbeat or pull"),
          new Key("defaultTopicQueueNums", "8", "queues of TBW102 (cap for auto-created topics)"),
          new Key("clusterTopicEnable", "true", "cluster-name topic readable and writable"),
          new Key("brokerTopicEnable", "true", "broker-name topic readable and writable"),
          new Key(
              "maxReconsumeTimes",
              "16",
              "retries before the DLQ, for auto-created subscription groups (DuetMQ)"),
          new Key("channelExpiredTimeout", "120000", "drop clients without heartbeat, ms"),
          new Key(
              "notifyConsumerIdsChangedEnable",
              "true",
              "send NOTIFY_CONSUMER_IDS_CHANGED on group changes"),
          new Key("flushConsumerOffsetInterval", "5000", "consumerOffset.json rewrite period, ms"));

  private BrokerConfigKeys() {}

  /** Builds a broker config from {@code broker.conf} properties; missing keys take defaults. */
  public static BrokerConfig fromProperties(Map<String, String> properties) {
    Values v = new Values(properties);
    return new BrokerConfig(
        v.string("brokerClusterName"),
        v.string("brokerName"),
        v.number("brokerId"),
        v.role(),
        v.string("namesrvAddr"),
        v.string("brokerIP1"),
        v.integer("listenPort"),
        v.integer("kafkaPort"),
        v.integer("brokerPermission"),
        v.bool("autoCreateTopicEnable"),
        v.bool("autoCreateSubscriptionGroup"),
        v.integer("defaultTopicQueueNums"),
        v.bool("clusterTopicEnable"),
        v.bool("brokerTopicEnable"),
        v.integer("maxReconsumeTimes"),
        v.number("channelExpiredTimeout"),
        v.bool("notifyConsumerIdsChangedEnable"),
        v.number("flushConsumerOffsetInterval"));
  }

  private record Values(Map<String, String> properties) {
    String raw(String name) {
      String value = properties.get(name);
      if (value != null) {
        return value;
      }
      for (Key key : KEYS) {
        if (key.name().equals(name)) {
          return key.defaultValue();
        }
      }
      throw new IllegalArgumentException("no such broker key: " + name);
    }

    String string(String name) {
      return raw(name).trim();
    }

    long number(String name) {
      String value = strict(name);
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " = '" + value + "' is not an integer", e);
      }
    }

    int integer(String name) {
      long value = number(name);
      if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(name + " = " + value + " is out of the int range");
      }
      return (int) value;
    }

    boolean bool(String name) {
      String value = strict(name);
      if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(value);
      }
      throw new IllegalArgumentException(name + " = '" + value + "' is not true or false");
    }

    BrokerRole role() {
      String value = string("brokerRole");
      try {
        return BrokerRole.valueOf(value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "brokerRole = '" + value + "', must be ASYNC_MASTER, SYNC_MASTER or SLAVE", e);
      }
    }

    private String strict(String name) {
      String value = raw(name);
      if (!value.equals(value.trim())) {
        throw new IllegalArgumentException(
            name
                + " = '"
                + value
                + "' has surrounding whitespace (Apache RocketMQ would silently ignore it)");
      }
      return value;
    }
  }
}
