package io.duetmq.distribution;

import io.duetmq.broker.BrokerEngine;
import io.duetmq.broker.config.BrokerConfig;
import io.duetmq.broker.config.BrokerConfigKeys;
import io.duetmq.protocol.kafka.KafkaHead;
import io.duetmq.protocol.kafka.KafkaHeadConfig;
import io.duetmq.protocol.kafka.server.KafkaServerConfig;
import io.duetmq.protocol.kafka.topic.BrokerIdentity;
import io.duetmq.protocol.kafka.topic.KafkaTopicCatalog;
import io.duetmq.protocol.kafka.topic.RegistryTopicCatalog;
import io.duetmq.protocol.rocketmq.head.NameServerRegistrar;
import io.duetmq.protocol.rocketmq.head.RocketMqBrokerHead;
import io.duetmq.protocol.rocketmq.server.RemotingServerConfig;
import io.duetmq.store.MessageStore;
import io.duetmq.store.StoreConfigKeys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One broker: the store, the engine, the RocketMQ head and the registration with the NameServers,
 * started in dependency order and closed in reverse. The caller has resolved every port (the
 * broker's address is written into every stored record).
 */
public final class BrokerServer implements AutoCloseable {
  private static final long REGISTER_PERIOD_MILLIS = 30_000;

  private final List<AutoCloseable> started = new ArrayList<>();
  private MessageStore store;
  private BrokerConfig brokerConfig;
  private int kafkaPort;

  private BrokerServer() {}

  /**
   * Starts a broker from {@code broker.conf}-style properties: {@code storePathRootDir}, {@code
   * listenPort} (already resolved, not 0), {@code brokerIP1}, {@code bindAddress}, {@code
   * namesrvAddr} and the store's and broker's keys.
   */
  public static BrokerServer start(Map<String, String> properties) {
    BrokerServer server = new BrokerServer();
    try {
      server.startAll(properties);
      return server;
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
  }

  private void startAll(Map<String, String> properties) {
    String bindAddress = properties.getOrDefault("bindAddress", "0.0.0.0");
    store = MessageStore.open(StoreConfigKeys.fromProperties(properties), Clock.systemUTC());
    started.add(store);
    brokerConfig = BrokerConfigKeys.fromProperties(properties);
    BrokerEngine engine = BrokerEngine.open(brokerConfig, store, Clock.systemUTC());
    started.add(engine);
    RemotingServerConfig defaults = RemotingServerConfig.defaults(brokerConfig.listenPort());
    RemotingServerConfig remoting =
        new RemotingServerConfig(
            bindAddress,
            defaults.listenPort(),
            defaults.serverSelectorThreads(),
            defaults.serverWorkerThreads(),
            defaults.maxFrameLength(),
            defaults.channelMaxIdleTimeSeconds());
    RocketMqBrokerHead head = new RocketMqBrokerHead(engine, remoting, Clock.systemUTC());
    started.add(head);
    head.start();
    kafkaPort = Integer.parseInt(properties.getOrDefault(KafkaServerConfig.PORT.name(), "0"));
    if (kafkaPort > 0) {
      startKafkaHead(engine, properties, bindAddress);
    }
    NameServerRegistrar registrar =
        new NameServerRegistrar(brokerConfig, engine.topics(), rocketmqAddress(), kafkaAddress());
    started.add(registrar);
    registrar.start(REGISTER_PERIOD_MILLIS);
  }

  private void startKafkaHead(
      BrokerEngine engine, Map<String, String> properties, String bindAddress) {
    Map<String, String> kafkaProperties = new LinkedHashMap<>(properties);
    kafkaProperties.putIfAbsent(KafkaServerConfig.BIND_HOST.name(), bindAddress);
    KafkaHeadConfig config =
        KafkaHeadConfig.fromProperties(
            kafkaProperties, store.config().storeRoot().resolve("duetmq").resolve("kafka"));
    KafkaTopicCatalog catalog =
        new RegistryTopicCatalog(
            engine.topics(), Set.of(brokerConfig.brokerClusterName(), brokerConfig.brokerName()));
    // What Metadata tells clients to connect to; differs from the listener behind a proxy or NAT.
    BrokerIdentity identity =
        new BrokerIdentity(
            (int) brokerConfig.brokerId(),
            properties.getOrDefault("kafka.advertised.host", brokerConfig.brokerIp1()),
            Integer.parseInt(
                properties.getOrDefault("kafka.advertised.port", Integer.toString(kafkaPort))),
            null,
            brokerConfig.brokerClusterName());
    KafkaHead head = new KafkaHead(store, store, catalog, identity, config, Clock.systemUTC());
    started.add(head);
    head.start();
  }

  public MessageStore store() {
    return store;
  }

  /** The RocketMQ head's address as clients use it ({@code brokerIP1:listenPort}). */
  public String rocketmqAddress() {
    return brokerConfig.brokerIp1() + ":" + brokerConfig.listenPort();
  }

  /** The Kafka head's address ({@code brokerIP1:kafka.port}), or null when it is off. */
  public String kafkaAddress() {
    return kafkaPort > 0 ? brokerConfig.brokerIp1() + ":" + kafkaPort : null;
  }

  /** Stops everything that started, newest first. */
  @Override
  public void close() {
    Closer.closeAll(started);
  }

  /** Closes parts newest first, collecting failures. */
  static final class Closer {
    private Closer() {}

    static void closeAll(List<AutoCloseable> parts) {
      List<AutoCloseable> reverse = new ArrayList<>(parts);
      Collections.reverse(reverse);
      parts.clear();
      RuntimeException failure = null;
      for (AutoCloseable part : reverse) {
        try {
          part.close();
        } catch (Exception e) {
          if (failure == null) {
            failure = new IllegalStateException("shutdown failed", e);
          } else {
            failure.addSuppressed(e);
          }
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
  }
}
