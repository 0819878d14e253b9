package io.duetmq.namesrv.handler;

import io.duetmq.namesrv.codec.NamesrvJsonEncoder;
import io.duetmq.namesrv.codec.RegisterBrokerBody;
import io.duetmq.namesrv.codec.RegisterBrokerBodyDecoder;
import io.duetmq.namesrv.kv.KvConfigStore;
import io.duetmq.namesrv.route.BrokerRegistration;
import io.duetmq.namesrv.route.RegisterResult;
import io.duetmq.namesrv.route.RegisterStatus;
import io.duetmq.namesrv.route.RouteTables;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * REGISTER_BROKER (103): a broker announces itself and its topics, every 30 s and after each topic
 * change (reference §2.2).
 *
 * <p>Header: {@code brokerName}, {@code brokerAddr}, {@code clusterName}, {@code brokerId}
 * (required), {@code haServerAddr}, {@code heartbeatTimeoutMillis}, {@code enableActingMaster},
 * {@code compressed}, {@code bodyCrc32} (masked CRC32 of the body, 0 = unchecked), and DuetMQ's
 * {@code kafkaAddress} (the broker's Kafka listener). Answer: SUCCESS with {@code masterAddr} and
 * {@code haServerAddr} for a slave whose master is live, and the {@code ORDER_TOPIC_CONFIG} KV
 * namespace as body; SYSTEM_ERROR {@code crc32 not match}, {@code register broker failed} (an
 * incremental registration before a full one), or the decode error.
 *
 * <p>Thread-safety: stateless; safe on any number of handler threads.
 */
public final class RegisterBrokerHandler extends ImmediateHandler {

  /** DuetMQ's header extension carrying the broker's Kafka listener {@code host:port}. */
  public static final String KAFKA_ADDRESS_FIELD = "kafkaAddress";

  /** Request version of RocketMQ 3.0.11; older brokers send the topic wrapper as the whole body. */
  static final int V3_0_11 = 37;

  private static final System.Logger LOG = System.getLogger(RegisterBrokerHandler.class.getName());

  private final RouteTables routes;
  private final KvConfigStore kv;
  private final boolean returnOrderTopicConfig;

  /**
   * @param returnOrderTopicConfig answer with the ORDER_TOPIC_CONFIG namespace (RocketMQ's {@code
   *     returnOrderTopicConfigToBroker}, default true)
   */
  public RegisterBrokerHandler(
      RouteTables routes, KvConfigStore kv, boolean returnOrderTopicConfig) {
    this.routes = Objects.requireNonNull(routes, "routes");
    this.kv = Objects.requireNonNull(kv, "kv");
    this.returnOrderTopicConfig = returnOrderTopicConfig;
  }

  @Override
  RemotingCommand answer(RemotingCommand request, RemotingChannel channel) {
    String brokerName = HeaderFields.required(request, "brokerName");
    String brokerAddr = HeaderFields.required(request, "brokerAddr");
    String clusterName = HeaderFields.required(request, "clusterName");
    long brokerId = HeaderFields.requiredLong(request, "brokerId");
    int bodyCrc32 = HeaderFields.optionalInt(request, "bodyCrc32", 0);
    if (bodyCrc32 != 0 && bodyCrc32 != crc32(request.body())) {
      LOG.log(Level.WARNING, "REGISTER_BROKER from {0}: crc32 not match", channel.remoteAddress());
      return error(request, "crc32 not match");
    }
    RegisterBrokerBody body;
    try {
      boolean compressed = Boolean.TRUE.equals(HeaderFields.optionalBoolean(request, "compressed"));
      body =
          request.version() >= V3_0_11
              ? RegisterBrokerBodyDecoder.decode(request.body(), compressed)
              : RegisterBrokerBodyDecoder.decodeWrapper(request.body());
    } catch (IllegalArgumentException e) {
      LOG.log(
          Level.WARNING,
          "REGISTER_BROKER from {0}: bad body: {1}",
          channel.remoteAddress(),
          e.getMessage());
      return error(request, "Failed to decode RegisterBrokerBody: " + e.getMessage());
    }
    RegisterResult result =
        routes.register(
            new BrokerRegistration(
                clusterName,
                brokerAddr,
                brokerName,
                brokerId,
                HeaderFields.optional(request, "haServerAddr"),
                HeaderFields.optional(request, KAFKA_ADDRESS_FIELD),
                HeaderFields.optionalLong(request, "heartbeatTimeoutMillis"),
                HeaderFields.optionalBoolean(request, "enableActingMaster"),
                body.dataVersion(),
                body.topicConfigs(),
                body.filterServerList(),
                channel));
    if (result.status() == RegisterStatus.REFUSED_UNKNOWN_BROKER) {
      return error(request, "register broker failed");
    }
    return success(request, result);
  }

  private RemotingCommand success(RemotingCommand request, RegisterResult result) {
    Map<String, String> header = new LinkedHashMap<>();
    if (result.haServerAddr() != null) {
      header.put("haServerAddr", result.haServerAddr());
    }
    if (result.masterAddr() != null) {
      header.put("masterAddr", result.masterAddr());
    }
    RemotingCommand response = success(request).withExtFields(header);
    if (returnOrderTopicConfig) {
      byte[] orderConfig =
          kv.namespace(KvConfigStore.ORDER_TOPIC_CONFIG)
              .map(NamesrvJsonEncoder::kvTable)
              .orElse(null);
      response = response.withBody(orderConfig);
    }
    return response;
  }

  /** RocketMQ's body checksum: CRC32 masked to 31 bits; 0 for no body. */
  static int crc32(byte[] body) {
    if (body == null) {
      return 0;
    }
    CRC32 crc = new CRC32();
    crc.update(body);
    return (int) (crc.getValue() & 0x7FFFFFFF);
  }
}
