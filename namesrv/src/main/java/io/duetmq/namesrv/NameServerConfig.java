package io.duetmq.namesrv;

import io.duetmq.protocol.rocketmq.codec.FrameDescriptor;
import io.duetmq.protocol.rocketmq.server.RemotingServerConfig;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of a {@link NameServer}. Names follow RocketMQ's {@code namesrv.conf} keys where one
 * exists; the README's configuration table lists them all.
 *
 * @param bindAddress remoting listen address ({@code 0.0.0.0} = all interfaces)
 * @param listenPort remoting port, default 9876; 0 = ephemeral (tests)
 * @param serverSelectorThreads remoting I/O threads (default 3)
 * @param serverWorkerThreads threads that run the request handlers (default 8)
 * @param kvConfigPath the KV config file (RocketMQ {@code kvConfigPath}), default {@code
 *     <dataDir>/kvConfig.json}
 * @param scanNotActiveBrokerInterval how often silent brokers are looked for, ms (default 5000)
 * @param brokerExpiryMillis how long a broker may stay silent when its registration does not say
 *     ({@code heartbeatTimeoutMillis}), ms (default 120000)
 * @param httpPort port of the HTTP address endpoint; -1 = off (default), 0 = ephemeral
 * @param httpSubgroup path below {@code /rocketmq/} clients request (their {@code
 *     rocketmq.namesrv.domain.subgroup}, default {@code nsaddr})
 * @param advertisedAddresses the {@code ;}-separated NameServer list the HTTP endpoint answers;
 *     null = this NameServer's own {@code host:port}
 * @param orderMessageEnable add {@code orderTopicConf} from the KV store to routes (default false)
 * @param returnOrderTopicConfigToBroker answer REGISTER_BROKER with the ordered-topic KV namespace
 *     (default true)
 */
public record NameServerConfig(
    String bindAddress,
    int listenPort,
    int serverSelectorThreads,
    int serverWorkerThreads,
    Path kvConfigPath,
    long scanNotActiveBrokerInterval,
    long brokerExpiryMillis,
    int httpPort,
    String httpSubgroup,
    String advertisedAddresses,
    boolean orderMessageEnable,
    boolean returnOrderTopicConfigToBroker) {

  public static final int DEFAULT_PORT = 9876;

  public NameServerConfig {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(kvConfigPath, "kvConfigPath");
    Objects.requireNonNull(httpSubgroup, "httpSubgroup");
    checkPort("listenPort", listenPort, 0);
    checkPort("httpPort", httpPort, -1);
    if (serverSelectorThreads < 1 || serverWorkerThreads < 1) {
      throw new IllegalArgumentException(
          "thread counts must be at least 1: serverSelectorThreads="
              + serverSelectorThreads
              + ", serverWorkerThreads="
              + serverWorkerThreads);
    }
    if (scanNotActiveBrokerInterval < 1) {
      throw new IllegalArgumentException(
          "scanNotActiveBrokerInterval must be positive: " + scanNotActiveBrokerInterval);
    }
    if (brokerExpiryMillis < 1) {
      throw new IllegalArgumentException(
          "brokerExpiryMillis must be positive: " + brokerExpiryMillis);
    }
    if (httpSubgroup.isBlank() || httpSubgroup.contains("/")) {
      throw new IllegalArgumentException("httpSubgroup must be one path segment: " + httpSubgroup);
    }
    if (advertisedAddresses != null && advertisedAddresses.isBlank()) {
      advertisedAddresses = null;
    }
  }

  private static void checkPort(String name, int port, int min) {
    if (port < min || port > 65535) {
      throw new IllegalArgumentException(name + " must be in " + min + "..65535: " + port);
    }
  }

  /** RocketMQ's defaults, with the KV file under {@code dataDir}. */
  public static NameServerConfig defaults(Path dataDir) {
    return new NameServerConfig(
        "0.0.0.0",
        DEFAULT_PORT,
        3,
        8,
        dataDir.resolve("kvConfig.json"),
        5_000,
        120_000,
        -1,
        "nsaddr",
        null,
        false,
        true);
  }

  public NameServerConfig withListen(String newBindAddress, int newListenPort) {
    return new NameServerConfig(
        newBindAddress,
        newListenPort,
        serverSelectorThreads,
        serverWorkerThreads,
        kvConfigPath,
        scanNotActiveBrokerInterval,
        brokerExpiryMillis,
        httpPort,
        httpSubgroup,
        advertisedAddresses,
        orderMessageEnable,
        returnOrderTopicConfigToBroker);
  }

  public NameServerConfig withHttp(int newHttpPort, String newAdvertisedAddresses) {
    return new NameServerConfig(
        bindAddress,
        listenPort,
        serverSelectorThreads,
        serverWorkerThreads,
        kvConfigPath,
        scanNotActiveBrokerInterval,
        brokerExpiryMillis,
        newHttpPort,
        httpSubgroup,
        newAdvertisedAddresses,
        orderMessageEnable,
        returnOrderTopicConfigToBroker);
  }

  public NameServerConfig withExpiry(long newScanInterval, long newBrokerExpiryMillis) {
    return new NameServerConfig(
        bindAddress,
        listenPort,
        serverSelectorThreads,
        serverWorkerThreads,
        kvConfigPath,
        newScanInterval,
        newBrokerExpiryMillis,
        httpPort,
        httpSubgroup,
        advertisedAddresses,
        orderMessageEnable,
        returnOrderTopicConfigToBroker);
  }

  /** The remoting server's settings (idle timeout 120 s, 16 MiB frames, as RocketMQ). */
  public RemotingServerConfig remotingConfig() {
    return new RemotingServerConfig(
        bindAddress,
        listenPort,
        serverSelectorThreads,
        serverWorkerThreads,
        FrameDescriptor.DEFAULT_MAX_FRAME_LENGTH,
        120);
  }

  /** {@code key=value} lines (GET_NAMESRV_CONFIG). */
  public String toProperties() {
    return "bindAddress="
        + bindAddress
        + "\nlistenPort="
        + listenPort
        + "\nserverSelectorThreads="
        + serverSelectorThreads
        + "\nserverWorkerThreads="
        + serverWorkerThreads
        + "\nkvConfigPath="
        + kvConfigPath
        + "\nscanNotActiveBrokerInterval="
        + scanNotActiveBrokerInterval
        + "\nbrokerExpiryMillis="
        + brokerExpiryMillis
        + "\nhttpPort="
        + httpPort
        + "\nhttpSubgroup="
        + httpSubgroup
        + "\nadvertisedAddresses="
        + (advertisedAddresses == null ? "" : advertisedAddresses)
        + "\norderMessageEnable="
        + orderMessageEnable
        + "\nreturnOrderTopicConfigToBroker="
        + returnOrderTopicConfigToBroker
        + "\n";
  }
}
