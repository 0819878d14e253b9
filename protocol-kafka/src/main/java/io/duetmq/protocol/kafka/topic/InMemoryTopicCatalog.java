package io.duetmq.protocol.kafka.topic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A catalog held in memory only, for tests and embedding: nothing is persisted, and {@link #delete}
 * only forgets the topic (its data stays in the store). Topic ids are random UUIDs, so a re-created
 * topic gets a new one.
 *
 * <p>Thread-safe: reads are lock-free, changes are serialized on this object.
 */
public final class InMemoryTopicCatalog implements KafkaTopicCatalog {
  private final ConcurrentSkipListMap<String, TopicInfo> byName = new ConcurrentSkipListMap<>();
  private final Map<UUID, TopicInfo> byId = new ConcurrentHashMap<>();

  @Override
  public Optional<TopicInfo> find(String name) {
    return Optional.ofNullable(byName.get(Objects.requireNonNull(name, "name")));
  }

  @Override
  public Optional<TopicInfo> find(UUID topicId) {
    return Optional.ofNullable(byId.get(Objects.requireNonNull(topicId, "topicId")));
  }

  @Override
  public List<TopicInfo> all() {
    return List.copyOf(byName.values());
  }

  @Override
  public synchronized CatalogResult create(
      String name, int partitions, Map<String, String> configs) {
    String invalidName = TopicNames.invalidReason(name);
    if (invalidName != null) {
      return CatalogResult.failed(CatalogStatus.INVALID_TOPIC, invalidName);
    }
    if (byName.containsKey(name)) {
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
    TopicInfo topic = new TopicInfo(name, UUID.randomUUID(), partitions, configs);
    put(topic);
    return CatalogResult.ok(topic);
  }

  @Override
  public synchronized CatalogResult delete(String name) {
    TopicInfo removed = byName.remove(Objects.requireNonNull(name, "name"));
    if (removed == null) {
      return unknown(name);
    }
    byId.remove(removed.topicId());
    return CatalogResult.ok(null);
  }

  @Override
  public synchronized CatalogResult addPartitions(String name, int total) {
    TopicInfo topic = byName.get(Objects.requireNonNull(name, "name"));
    if (topic == null) {
      return unknown(name);
    }
    if (total <= topic.partitions()) {
      return CatalogResult.failed(
          CatalogStatus.INVALID_PARTITIONS,
          total == topic.partitions()
              ? "Topic already has " + total + " partitions."
              : "Topic currently has "
                  + topic.partitions()
                  + " partitions, which is higher than the requested "
                  + total
                  + ".");
    }
    TopicInfo grown = new TopicInfo(name, topic.topicId(), total, topic.configs());
    put(grown);
    return CatalogResult.ok(grown);
  }

  @Override
  public Optional<Map<String, String>> configs(String name) {
    return find(name).map(TopicInfo::configs);
  }

  @Override
  public synchronized CatalogResult alterConfigs(String name, List<ConfigChange> changes) {
    TopicInfo topic = byName.get(Objects.requireNonNull(name, "name"));
    if (topic == null) {
      return unknown(name);
    }
    Map<String, String> configs = new HashMap<>(topic.configs());
    for (ConfigChange change : changes) {
      String reason = ConfigChanges.apply(configs, change);
      if (reason != null) {
        return CatalogResult.failed(CatalogStatus.INVALID_CONFIG, reason);
      }
    }
    TopicInfo altered = new TopicInfo(name, topic.topicId(), topic.partitions(), configs);
    put(altered);
    return CatalogResult.ok(altered);
  }

  private void put(TopicInfo topic) {
    byName.put(topic.name(), topic);
    byId.put(topic.topicId(), topic);
  }

  private static CatalogResult unknown(String name) {
    return CatalogResult.failed(
        CatalogStatus.UNKNOWN_TOPIC, "This server does not host this topic: " + name);
  }
}
