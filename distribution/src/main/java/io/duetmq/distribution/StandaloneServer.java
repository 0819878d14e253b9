package io.duetmq.distribution;

import io.duetmq.namesrv.NameServer;
import io.duetmq.namesrv.NameServerConfig;
import io.duetmq.store.MessageStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The processes the launcher runs: {@code standalone} (NameServer and broker in one process),
 * {@code namesrv} and {@code broker}. Ports given as 0 are chosen before anything starts, because
 * the broker's address is written into every stored record and message id.
 */
public final class StandaloneServer implements AutoCloseable {
  private final List<AutoCloseable> started = new ArrayList<>();
  private final String bindAddress;
  private final String advertisedHost;
  private NameServer nameServer;
  private BrokerServer broker;
  private Path dataDir;

  private StandaloneServer(String bindAddress, String advertisedHost) {
    this.bindAddress = bindAddress;
    this.advertisedHost = advertisedHost;
  }

  /**
   * Starts what {@code options.command()} names, from launcher options (config file first, flags
   * override).
   */
  public static StandaloneServer start(LaunchOptions options) {
    Map<String, String> properties = properties(options);
    StandaloneServer server =
        new StandaloneServer(
            properties.getOrDefault("bindAddress", "0.0.0.0"), properties.get("brokerIP1"));
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
    dataDir = Path.of(properties.get("storePathRootDir"));
    boolean runNameServer = !options.command().equals("broker");
    boolean runBroker = !options.command().equals("namesrv");
    if (runNameServer) {
      int port = choosePort(options.namesrvPort(), NameServerConfig.DEFAULT_PORT);
      startNameServer(port, properties);
      properties.putIfAbsent("namesrvAddr", advertisedHost + ":" + nameServer.port());
    }
    if (runBroker) {
      int rocketmqPort =
          choosePort(
              options.rocketmqPort(),
              Integer.parseInt(properties.getOrDefault("listenPort", "10911")));
      properties.put("listenPort", Integer.toString(rocketmqPort));
      // --kafka-port 0 turns the Kafka head off; "auto" picks a free port.
      int kafkaPort =
          options.kafkaPort() == 0
              ? 0
              : choosePort(
                  options.kafkaPort(),
                  Integer.parseInt(properties.getOrDefault("kafka.port", "9092")));
      properties.put("kafka.port", Integer.toString(kafkaPort));
      broker = BrokerServer.start(properties);
      started.add(broker);
    }
  }

  private void startNameServer(int port, Map<String, String> properties) {
    NameServerConfig config =
        NameServerConfig.defaults(dataDir.resolve("namesrv")).withListen(bindAddress, port);
    int httpPort = Integer.parseInt(properties.getOrDefault("namesrvHttpPort", "-1"));
    if (httpPort >= 0) {
      // The fourth way clients find NameServers: GET /rocketmq/nsaddr answers this address list.
      config = config.withHttp(httpPort, advertisedHost + ":" + port);
    }
    nameServer = new NameServer(config);
    started.add(nameServer);
    nameServer.start();
  }

  /** The port to use: the flag's (0 or auto = a free one now), else the default. */
  private int choosePort(int flag, int defaultPort) {
    int port = flag == LaunchOptions.AUTO_PORT ? 0 : flag < 0 ? defaultPort : flag;
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

  /** The broker's store, or null in a NameServer-only process. */
  public MessageStore store() {
    return broker == null ? null : broker.store();
  }

  /** The NameServer's address as clients use it, or null when this process runs none. */
  public String namesrvAddress() {
    return nameServer == null ? null : advertisedHost + ":" + nameServer.port();
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

  /** The RocketMQ head's address as clients use it, or null when this process runs no broker. */
  public String rocketmqAddress() {
    return broker == null ? null : broker.rocketmqAddress();
  }

  /** The Kafka head's address, or null while it is off. */
  public String kafkaAddress() {
    return broker == null ? null : broker.kafkaAddress();
  }

  /** The one-line message printed once everything is up. */
  public String readyLine() {
    List<String> parts = new ArrayList<>();
    if (nameServer != null) {
      parts.add("NameServer " + namesrvAddress());
    }
    if (broker != null) {
      String kafka = kafkaAddress();
      parts.add("RocketMQ " + rocketmqAddress());
      parts.add("Kafka " + (kafka == null ? "off" : kafka));
    }
    String what = broker == null ? "namesrv" : nameServer == null ? "broker" : "standalone";
    String data = broker == null ? "" : "; data " + dataDir.toAbsolutePath();
    return "DuetMQ " + what + " ready: " + String.join(", ", parts) + data;
  }

  /** Stops everything that started, newest first. */
  @Override
  public void close() {
    BrokerServer.Closer.closeAll(started);
  }
}
