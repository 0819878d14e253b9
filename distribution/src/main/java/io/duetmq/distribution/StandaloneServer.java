package io.duetmq.distribution;

import io.duetmq.broker.BrokerEngine;
import io.duetmq.broker.config.BrokerConfig;
import io.duetmq.broker.config.BrokerConfigKeys;
import io.duetmq.namesrv.NameServer;
import io.duetmq.namesrv.NameServerConfig;
import io.duetmq.protocol.rocketmq.head.NameServerRegistrar;
import io.duetmq.protocol.rocketmq.head.RocketMqBrokerHead;
import io.duetmq.protocol.rocketmq.server.RemotingServerConfig;
import io.duetmq.store.MessageStore;
import io.duetmq.store.StoreConfig;
import io.duetmq.store.StoreConfigKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything of one standalone DuetMQ process — NameServer, store, broker engine, RocketMQ head —
 * started in dependency order and closed in reverse. Ports given as 0 are chosen before anything
 * starts, because the broker's address is written into every stored record and message id.
 */
public final class StandaloneServer implements AutoCloseable {
  private static final long REGISTER_PERIOD_MILLIS = 30_000;

  private final List<AutoCloseable> started = new ArrayList<>();
  private final String bindAddress;
  private final String advertisedHost;
  private MessageStore store;
  private NameServer nameServer;
  private int namesrvPort;
  private int rocketmqPort;

  private StandaloneServer(String bindAddress, String advertisedHost) {
    this.bindAddress = bindAddress;
    this.advertisedHost = advertisedHost;
  }

  /** Starts a standalone server from launcher options (config file first, flags override). */
  public static StandaloneServer start(LaunchOptions options) {
    Map<String, String> properties = properties(options);
    String bind = properties.getOrDefault("bindAddress", "0.0.0.0");
    StandaloneServer server = new StandaloneServer(bind, properties.get("brokerIP1"));
    try {
      server.startAll(options, properties);
      return server;
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
  }

  private static Map<String, String> properties(LaunchOptions options) {
    Map<String, String> properties = new LinkedHashMap<>();
    if (options.configFile() != null) {
      properties.putAll(BrokerConfigFile.read(options.configFile()));
    }
    if (options.dataDir() != null) {
      properties.put("storePathRootDir", options.dataDir().toString());
    }
    properties.putIfAbsent("storePathRootDir", Path.of("data").toString());
    properties.putIfAbsent("brokerIP1", "127.0.0.1");
    return properties;
  }

  private void startAll(LaunchOptions options, Map<String, String> properties) {
    Path dataDir = Path.of(properties.get("storePathRootDir"));
    namesrvPort = choosePort(options.namesrvPort(), NameServerConfig.DEFAULT_PORT);
    rocketmqPort =
        choosePort(
            options.rocketmqPort(),
            Integer.parseInt(properties.getOrDefault("listenPort", "10911")));
    properties.put("listenPort", Integer.toString(rocketmqPort));
    properties.putIfAbsent("namesrvAddr", loopbackOr(advertisedHost) + ":" + namesrvPort);

    NameServer nameServer =
        new NameServer(
            NameServerConfig.defaults(dataDir.resolve("namesrv"))
                .withListen(bindAddress, namesrvPort));
    started.add(nameServer);
    nameServer.start();

    StoreConfig storeConfig = StoreConfigKeys.fromProperties(properties);
    store = MessageStore.open(storeConfig, Clock.systemUTC());
    started.add(store);
    BrokerConfig brokerConfig = BrokerConfigKeys.fromProperties(properties);
    BrokerEngine engine = BrokerEngine.open(brokerConfig, store, Clock.systemUTC());
    started.add(engine);
    RemotingServerConfig remoting =
        withBind(RemotingServerConfig.defaults(rocketmqPort), bindAddress);
    RocketMqBrokerHead head = new RocketMqBrokerHead(engine, remoting, Clock.systemUTC());
    started.add(head);
    head.start();
    NameServerRegistrar registrar =
        new NameServerRegistrar(
            brokerConfig, engine.topics(), advertisedHost + ":" + rocketmqPort, null);
    started.add(registrar);
    registrar.start(REGISTER_PERIOD_MILLIS);
  }

  private static RemotingServerConfig withBind(RemotingServerConfig config, String bind) {
    return new RemotingServerConfig(
        bind,
        config.listenPort(),
        config.serverSelectorThreads(),
        config.serverWorkerThreads(),
        config.maxFrameLength(),
        config.channelMaxIdleTimeSeconds());
  }

  private static String loopbackOr(String host) {
    return host == null ? InetAddress.getLoopbackAddress().getHostAddress() : host;
  }

  /** The port to use: the flag's (0 = a free one now), else the default. */
  private int choosePort(int flag, int defaultPort) {
    int port = flag < 0 ? defaultPort : flag;
    if (port != 0) {
      return port;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(bindAddress, 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on " + bindAddress, e);
    }
  }

  public MessageStore store() {
    return store;
  }

  /** The NameServer's address as clients use it. */
  public String namesrvAddress() {
    return advertisedHost + ":" + namesrvPort;
  }

  /**
   * The NameServer's HTTP address endpoint ({@code host:port}, serving {@code /rocketmq/nsaddr}),
   * or null when off ({@code namesrvHttpPort} unset; 0 = a free port).
   */
  public String namesrvHttpAddress() {
    return nameServer == null || nameServer.httpPort() < 0
        ? null
        : advertisedHost + ":" + nameServer.httpPort();
  }

  /** The RocketMQ head's address as clients use it. */
  public String rocketmqAddress() {
    return advertisedHost + ":" + rocketmqPort;
  }

  /** The Kafka head's address, or null while it is off (it is not built yet). */
  public String kafkaAddress() {
    return null;
  }

  /** The one-line message printed once everything is up. */
  public String readyLine() {
    return "DuetMQ standalone ready: NameServer "
        + namesrvAddress()
        + ", RocketMQ "
        + rocketmqAddress()
        + ", Kafka not built yet; data "
        + store.config().storeRoot().toAbsolutePath();
  }

  /** Stops everything that started, newest first. */
  @Override
  public void close() {
    List<AutoCloseable> reverse = new ArrayList<>(started);
    Collections.reverse(reverse);
    started.clear();
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
