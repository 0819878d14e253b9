package io.duetmq.protocol.kafka.topic;

import io.duetmq.broker.topic.Permission;
import io.duetmq.broker.topic.TopicConfig;
import io.duetmq.broker.topic.TopicFilterType;
import io.duetmq.broker.topic.TopicRegistry;
import io.duetmq.broker.topic.TopicResult;
import io.duetmq.broker.topic.TopicStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The Kafka head's topic catalog over the broker's one topic registry, so that a topic created by
 * either protocol is usable from both: partitions are the topic's queues, Kafka topic configs live
 * in the topic's attributes under a {@code kafka.} prefix (RocketMQ ignores attributes it does not
 * know). The topic id is kept in the attribute {@code duetmq.topicId} when DuetMQ created the
 * topic, and derived from the name otherwise (stable across restarts).
 *
 * <p>Kafka sees only topics whose names are valid for both protocols, and never the broker's system
 * topics, retry or dead-letter topics. A Kafka-only name (with a dot) is refused with
 * INVALID_TOPIC.
 */
public final class RegistryTopicCatalog implements KafkaTopicCatalog {
  private static final String CONFIG_PREFIX = "kafka.";
  private static final String TOPIC_ID = "duetmq.topicId";

  private final TopicRegistry topics;
  private final Set<String> hidden;

  /**
   * @param hidden names Kafka must not see besides system topics (the broker's cluster and
   *     broker-name topics)
   */
  public RegistryTopicCatalog(TopicRegistry topics, Set<String> hidden) {
    this.topics = topics;
    this.hidden = Set.copyOf(hidden);
  }

  @Override
  public Optional<TopicInfo> find(String name) {
    Objects.requireNonNull(name, "name");
    if (!visible(name)) {
      return Optional.empty();
    }
    return Optional.ofNullable(topics.get(name)).map(RegistryTopicCatalog::info);
  }

  @Override
  public Optional<TopicInfo> find(UUID topicId) {
    Objects.requireNonNull(topicId, "topicId");
    return all().stream().filter(t -> t.topicId().equals(topicId)).findFirst();
  }

  @Override
  public List<TopicInfo> all() {
    List<TopicInfo> result = new ArrayList<>();
    for (TopicConfig config : topics.all()) {
      if (visible(config.topicName())) {
        result.add(info(config));
      }
    }
    result.sort(Comparator.comparing(TopicInfo::name));
    return result;
  }

  private boolean visible(String name) {
    return !hidden.contains(name)
        && !io.duetmq.broker.topic.TopicNames.isSystemTopic(name)
        && TopicNames.invalidReason(name) == null
        && io.duetmq.broker.topic.TopicNames.isValid(name);
  }

  private static TopicInfo info(TopicConfig config) {
    Map<String, String> kafkaConfigs = new LinkedHashMap<>();
    config
        .attributes()
        .forEach(
            (key, value) -> {
              if (key.startsWith(CONFIG_PREFIX)) {
                kafkaConfigs.put(key.substring(CONFIG_PREFIX.length()), value);
              }
            });
    String id = config.attributes().get(TOPIC_ID);
    UUID topicId =
        id != null
            ? UUID.fromString(id)
            : UUID.nameUUIDFromBytes(config.topicName().getBytes(StandardCharsets.UTF_8));
    int partitions = Math.max(1, Math.max(config.readQueueNums(), config.writeQueueNums()));
    return new TopicInfo(config.topicName(), topicId, partitions, kafkaConfigs);
  }

  @Override
  public synchronized CatalogResult create(
      String name, int partitions, Map<String, String> configs) {
    String invalid = TopicNames.invalidReason(name);
    if (invalid == null && !io.duetmq.broker.topic.TopicNames.isValid(name)) {
      invalid =
          "Topic name '"
              + name
              + "' is legal in Kafka but not in RocketMQ; DuetMQ topics must be usable by both"
              + " (letters, digits, '_' and '-')";
    }
    if (invalid != null) {
      return CatalogResult.failed(CatalogStatus.INVALID_TOPIC, invalid);
    }
    if (topics.exists(name)) {
      return CatalogResult.failed(
          CatalogStatus.TOPIC_ALREADY_EXISTS, "Topic '" + name + "' already exists.");
    }
    if (partitions <= 0) {
      return CatalogResult.failed(
          CatalogStatus.INVALID_PARTITIONS,
          "Number of partitions was set to an invalid non-positive value: " + partitions);
    }
    String invalidConfig = TopicConfigKeys.invalidReason(configs);
    if (invalidConfig != null) {
      return CatalogResult.failed(CatalogStatus.INVALID_CONFIG, invalidConfig);
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(TOPIC_ID, UUID.randomUUID().toString());
    configs.forEach((key, value) -> attributes.put(CONFIG_PREFIX + key, value));
    return store(
        new TopicConfig(
            name,
            partitions,
            partitions,
            Permission.READ_WRITE,
            TopicFilterType.SINGLE_TAG,
            0,
            false,
            attributes));
  }

  @Override
  public synchronized CatalogResult delete(String name) {
    Objects.requireNonNull(name, "name");
    if (!visible(name) || !topics.exists(name)) {
      return unknown(name);
    }
    TopicResult result = topics.delete(name);
    return result.status() == TopicStatus.DELETED
        ? CatalogResult.ok(null)
        : CatalogResult.failed(CatalogStatus.UNKNOWN_TOPIC, result.error());
  }

  @Override
  public synchronized CatalogResult addPartitions(String name, int total) {
    TopicConfig config = visible(name) ? topics.get(name) : null;
    if (config == null) {
      return unknown(name);
    }
    int current = Math.max(config.readQueueNums(), config.writeQueueNums());
    if (total <= current) {
      return CatalogResult.failed(
          CatalogStatus.INVALID_PARTITIONS,
          total == current
              ? "Topic already has " + total + " partitions."
              : "Topic currently has "
                  + current
                  + " partitions, which is higher than the requested "
                  + total
                  + ".");
    }
    return store(
        new TopicConfig(
            name,
            total,
            total,
            config.perm(),
            config.topicFilterType(),
            config.topicSysFlag(),
            config.order(),
            config.attributes()));
  }

  @Override
  public Optional<Map<String, String>> configs(String name) {
    return find(name).map(TopicInfo::configs);
  }

  @Override
  public synchronized CatalogResult alterConfigs(String name, List<ConfigChange> changes) {
    TopicConfig config = visible(name) ? topics.get(name) : null;
    if (config == null) {
      return unknown(name);
    }
    Map<String, String> kafkaConfigs = new HashMap<>(info(config).configs());
    String reason = ConfigChanges.applyAll(kafkaConfigs, changes);
    if (reason != null) {
      return CatalogResult.failed(CatalogStatus.INVALID_CONFIG, reason);
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    config
        .attributes()
        .forEach(
            (key, value) -> {
              if (!key.startsWith(CONFIG_PREFIX)) {
                attributes.put(key, value);
              }
            });
    kafkaConfigs.forEach((key, value) -> attributes.put(CONFIG_PREFIX + key, value));
    return store(
        new TopicConfig(
            name,
            config.readQueueNums(),
            config.writeQueueNums(),
            config.perm(),
            config.topicFilterType(),
            config.topicSysFlag(),
            config.order(),
            attributes));
  }

  private CatalogResult store(TopicConfig config) {
    TopicResult result = topics.createOrUpdate(config);
    if (!result.status().hasTopic()) {
      return CatalogResult.failed(CatalogStatus.INVALID_TOPIC, result.error());
    }
    return CatalogResult.ok(info(result.config()));
  }

  private static CatalogResult unknown(String name) {
    return CatalogResult.failed(
        CatalogStatus.UNKNOWN_TOPIC, "This server does not host this topic: " + name);
  }
}
