package io.duetmq.protocol.rocketmq.head;

import io.duetmq.broker.config.BrokerConfig;
import io.duetmq.broker.topic.TopicConfigCodec;
import io.duetmq.broker.topic.TopicRegistry;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.codec.ResponseCode;
import io.duetmq.protocol.rocketmq.handler.RequestCode;
import io.duetmq.protocol.rocketmq.server.RemotingClient;
import io.duetmq.protocol.rocketmq.server.RemotingClientConfig;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * Registers this broker with every configured NameServer (REGISTER_BROKER, reference §2.2): at
 * start, every 30 s, and at once when a topic appears; unregisters at shutdown. The registration
 * carries the broker's topic table and, as a DuetMQ extension ignored by RocketMQ NameServers, the
 * broker's Kafka listener address ({@code kafkaAddress}). One connection per NameServer, re-created
 * when it drops.
 */
public final class NameServerRegistrar implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(NameServerRegistrar.class.getName());
  private static final Duration TIMEOUT = Duration.ofSeconds(24);

  private final BrokerConfig broker;
  private final TopicRegistry topics;
  private final String brokerAddr;
  private final String kafkaAddress;
  private final List<String> nameServers;
  private final Map<String, RemotingClient> clients = new LinkedHashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "duetmq-namesrv-registrar");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * @param brokerAddr this broker's RocketMQ address as clients should use it ({@code ip:port})
   * @param kafkaAddress this broker's Kafka listener ({@code host:port}), or null when the Kafka
   *     head is off
   */
  public NameServerRegistrar(
      BrokerConfig broker, TopicRegistry topics, String brokerAddr, String kafkaAddress) {
    this.broker = broker;
    this.topics = topics;
    this.brokerAddr = brokerAddr;
    this.kafkaAddress = kafkaAddress;
    this.nameServers = parse(broker.namesrvAddr());
  }

  private static List<String> parse(String addresses) {
    List<String> result = new ArrayList<>();
    for (String address : addresses.split(";")) {
      if (!address.isBlank()) {
        result.add(address.trim());
      }
    }
    return result;
  }

  /** Registers once now (waiting for the answers) and then every {@code periodMillis}. */
  public void start(long periodMillis) {
    registerAll();
    timer.scheduleAtFixedRate(this::registerAll, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    topics.addListener(changed -> timer.execute(this::registerAll));
  }

  /** Sends a full registration to every NameServer; failures are logged and retried next period. */
  public synchronized void registerAll() {
    byte[] body = registrationBody();
    for (String nameServer : nameServers) {
      try {
        RemotingCommand response = client(nameServer).invokeSync(request(body), TIMEOUT);
        if (response.code() != ResponseCode.SUCCESS) {
          LOG.log(
              Level.WARNING,
              "NameServer {0} refused the registration: {1} {2}",
              nameServer,
              response.code(),
              response.remark());
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "cannot register with NameServer " + nameServer + ": " + e);
        dropClient(nameServer);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private RemotingCommand request(byte[] body) {
    CRC32 crc = new CRC32();
    crc.update(body);
    Map<String, String> header = new LinkedHashMap<>();
    header.put("brokerName", broker.brokerName());
    header.put("brokerAddr", brokerAddr);
    header.put("clusterName", broker.brokerClusterName());
    header.put("haServerAddr", broker.brokerIp1() + ":" + (broker.listenPort() + 1));
    header.put("brokerId", Long.toString(broker.brokerId()));
    header.put("compressed", "false");
    header.put("bodyCrc32", Integer.toString((int) crc.getValue() & 0x7FFFFFFF));
    if (kafkaAddress != null) {
      header.put("kafkaAddress", kafkaAddress);
    }
    return RemotingCommand.request(RequestCode.REGISTER_BROKER, header, body);
  }

  private byte[] registrationBody() {
    String wrapper = TopicConfigCodec.encodeTable(topics.dataVersion(), topics.all());
    String json = "{\"filterServerList\":[],\"topicConfigSerializeWrapper\":" + wrapper + "}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private RemotingClient client(String nameServer) {
    RemotingClient client = clients.get(nameServer);
    if (client != null && client.isActive()) {
      return client;
    }
    dropClient(nameServer);
    client = new RemotingClient(RemotingClientConfig.defaults());
    int colon = nameServer.lastIndexOf(':');
    client.connect(
        nameServer.substring(0, colon), Integer.parseInt(nameServer.substring(colon + 1)));
    clients.put(nameServer, client);
    return client;
  }

  private void dropClient(String nameServer) {
    RemotingClient old = clients.remove(nameServer);
    if (old != null) {
      old.close();
    }
  }

  /** Unregisters from every NameServer (best effort) and stops. */
  @Override
  public synchronized void close() {
    timer.shutdownNow();
    for (String nameServer : nameServers) {
      Map<String, String> header = new LinkedHashMap<>();
      header.put("brokerName", broker.brokerName());
      header.put("brokerAddr", brokerAddr);
      header.put("clusterName", broker.brokerClusterName());
      header.put("brokerId", Long.toString(broker.brokerId()));
      try {
        client(nameServer)
            .invokeSync(
                RemotingCommand.request(RequestCode.UNREGISTER_BROKER, header, null),
                Duration.ofSeconds(3));
      } catch (RuntimeException e) {
        LOG.log(Level.DEBUG, "cannot unregister from " + nameServer + ": " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      dropClient(nameServer);
    }
  }
}
