package io.duetmq.protocol.kafka.topic;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The port through which the Kafka head reads and changes topic metadata; the engine implements it
 * over its topic registry (and deletes a topic's data on {@link #delete}). Expected outcomes are
 * {@link CatalogResult} values; a null argument is misuse (an exception).
 *
 * <p>Implementations must be thread-safe, and {@link #find(String)}, {@link #find(UUID)} and {@link
 * #all()} must answer from memory without blocking: they are called on network event loops.
 */
public interface KafkaTopicCatalog {

  /** The topic named {@code name}, if it exists. */
  Optional<TopicInfo> find(String name);

  /** The topic with id {@code topicId}, if it exists. */
  Optional<TopicInfo> find(UUID topicId);

  /** Every topic, sorted by name. */
  List<TopicInfo> all();

  /**
   * Creates a topic. Outcomes: OK (with the new topic), TOPIC_ALREADY_EXISTS, INVALID_TOPIC (name
   * illegal in Kafka, {@link TopicNames}), INVALID_PARTITIONS (≤ 0), INVALID_CONFIG ({@link
   * TopicConfigKeys}).
   */
  CatalogResult create(String name, int partitions, Map<String, String> configs);

  /** Deletes a topic and its data. Outcomes: OK (topic null), UNKNOWN_TOPIC. */
  CatalogResult delete(String name);

  /**
   * Raises the partition count to {@code total}. Outcomes: OK, UNKNOWN_TOPIC, INVALID_PARTITIONS
   * (not above the current count).
   */
  CatalogResult addPartitions(String name, int total);

  /** The per-topic overrides of {@code name}, if the topic exists. */
  Optional<Map<String, String>> configs(String name);

  /**
   * Applies {@code changes} atomically (all or none). Outcomes: OK, UNKNOWN_TOPIC, INVALID_CONFIG.
   */
  CatalogResult alterConfigs(String name, List<ConfigChange> changes);
}
