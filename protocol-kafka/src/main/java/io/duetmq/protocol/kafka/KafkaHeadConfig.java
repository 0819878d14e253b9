package io.duetmq.protocol.kafka;

import io.duetmq.protocol.kafka.server.KafkaServerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the Kafka head beyond the listener, validated here. Property names follow Kafka's
 * {@code server.properties} ({@link #KEYS}).
 *
 * @param server the listener settings
 * @param autoCreateTopics create unknown topics asked for by Metadata ({@code
 *     auto.create.topics.enable}, default true)
 * @param numPartitions partitions of auto-created topics and of CreateTopics with -1 ({@code
 *     num.partitions}, default 1)
 * @param producerIdExpirationMs a producer silent this long loses its idempotence state ({@code
 *     producer.id.expiration.ms}, default 86400000)
 * @param stateDir where the head keeps its own small files (the producer-id block); normally inside
 *     the store root
 */
public record KafkaHeadConfig(
    KafkaServerConfig server,
    boolean autoCreateTopics,
    int numPartitions,
    long producerIdExpirationMs,
    Path stateDir) {

  public static final KafkaServerConfig.Key AUTO_CREATE_TOPICS =
      new KafkaServerConfig.Key(
          "auto.create.topics.enable", "true", "Metadata creates unknown topics");
  public static final KafkaServerConfig.Key NUM_PARTITIONS =
      new KafkaServerConfig.Key("num.partitions", "1", "partitions of auto-created topics");
  public static final KafkaServerConfig.Key PRODUCER_ID_EXPIRATION_MS =
      new KafkaServerConfig.Key(
          "producer.id.expiration.ms", "86400000", "idle producers lose their sequence state");

  /** Every key this record reads (plus the listener's {@link KafkaServerConfig#KEYS}). */
  public static final List<KafkaServerConfig.Key> KEYS =
      List.of(AUTO_CREATE_TOPICS, NUM_PARTITIONS, PRODUCER_ID_EXPIRATION_MS);

  public KafkaHeadConfig {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(stateDir, "stateDir");
    if (numPartitions < 1) {
      throw new IllegalArgumentException("num.partitions must be >= 1, got " + numPartitions);
    }
    if (producerIdExpirationMs < 1) {
      throw new IllegalArgumentException(
          "producer.id.expiration.ms must be >= 1, got " + producerIdExpirationMs);
    }
  }

  /** Builds the config from properties; missing keys take their defaults. */
  public static KafkaHeadConfig fromProperties(Map<String, String> props, Path stateDir) {
    String autoCreate = value(props, AUTO_CREATE_TOPICS);
    if (!autoCreate.equals("true") && !autoCreate.equals("false")) {
      throw new IllegalArgumentException(
          AUTO_CREATE_TOPICS.name() + " is not a boolean: '" + autoCreate + "'");
    }
    try {
      return new KafkaHeadConfig(
          KafkaServerConfig.fromProperties(props),
          Boolean.parseBoolean(autoCreate),
          Integer.parseInt(value(props, NUM_PARTITIONS)),
          Long.parseLong(value(props, PRODUCER_ID_EXPIRATION_MS)),
          stateDir);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad number in Kafka head config: " + e.getMessage(), e);
    }
  }

  /** Broker settings as DescribeConfigs reports them for the broker resource. */
  public Map<String, String> describe() {
    return Map.of(
        AUTO_CREATE_TOPICS.name(),
        Boolean.toString(autoCreateTopics),
        NUM_PARTITIONS.name(),
        Integer.toString(numPartitions),
        PRODUCER_ID_EXPIRATION_MS.name(),
        Long.toString(producerIdExpirationMs),
        "default.replication.factor",
        "1",
        "message.max.bytes",
        "1048588");
  }

  private static String value(Map<String, String> props, KafkaServerConfig.Key key) {
    return props.getOrDefault(key.name(), key.defaultValue()).trim();
  }
}
