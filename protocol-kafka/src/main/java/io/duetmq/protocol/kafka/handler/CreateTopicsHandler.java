package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.ApiKeys;
import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import io.duetmq.protocol.kafka.codec.CreateTopicsCodec;
import io.duetmq.protocol.kafka.codec.CreateTopicsRequest;
import io.duetmq.protocol.kafka.codec.CreateTopicsResponse;
import io.duetmq.protocol.kafka.codec.CreateTopicsResponse.TopicResult;
import io.duetmq.protocol.kafka.codec.DescribeConfigsResponse;
import io.duetmq.protocol.kafka.codec.ErrorCode;
import io.duetmq.protocol.kafka.topic.BrokerIdentity;
import io.duetmq.protocol.kafka.topic.CatalogResult;
import io.duetmq.protocol.kafka.topic.KafkaTopicCatalog;
import io.duetmq.protocol.kafka.topic.TopicConfigKeys;
import io.duetmq.protocol.kafka.topic.TopicInfo;
import io.duetmq.protocol.kafka.topic.TopicNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * CreateTopics (key 19), v2–7, on the {@link KafkaTopicCatalog} (reference §3.10). There is one
 * broker, so the replication factor must be 1 (or -1 = default) and a manual assignment may only
 * name this broker. Thread-safe if the catalog is.
 */
public final class CreateTopicsHandler implements KafkaRequestHandler {
  private final KafkaTopicCatalog catalog;
  private final Supplier<BrokerIdentity> identity;
  private final int defaultPartitions;

  public CreateTopicsHandler(
      KafkaTopicCatalog catalog, Supplier<BrokerIdentity> identity, int defaultPartitions) {
    this.catalog = catalog;
    this.identity = identity;
    this.defaultPartitions = defaultPartitions;
  }

  @Override
  public ApiVersionRange versions() {
    return ApiKeys.CREATE_TOPICS.implemented();
  }

  @Override
  public CompletableFuture<KafkaResponse> handle(KafkaRequest request) {
    CreateTopicsRequest decoded =
        CreateTopicsCodec.decodeRequest(request.reader(), request.apiVersion());
    Map<String, Integer> counts = new HashMap<>();
    decoded.topics().forEach(t -> counts.merge(t.name(), 1, Integer::sum));
    List<TopicResult> results = new ArrayList<>();
    Set<String> answered = new HashSet<>();
    for (CreateTopicsRequest.Topic topic : decoded.topics()) {
      if (counts.get(topic.name()) > 1) {
        if (answered.add(topic.name())) {
          results.add(
              TopicResult.failed(
                  topic.name(),
                  ErrorCode.INVALID_REQUEST,
                  "Create topics request from client contains a duplicate topic " + topic.name()));
        }
        continue;
      }
      results.add(create(topic, decoded.validateOnly()));
    }
    CreateTopicsResponse response = new CreateTopicsResponse(0, results);
    return CompletableFuture.completedFuture(
        KafkaResponse.message((w, v) -> CreateTopicsCodec.encodeResponse(w, response, v)));
  }

  private TopicResult create(CreateTopicsRequest.Topic topic, boolean validateOnly) {
    String name = topic.name();
    int partitions = topic.numPartitions() == -1 ? defaultPartitions : topic.numPartitions();
    if (!topic.assignments().isEmpty()) {
      if (topic.numPartitions() != -1 || topic.replicationFactor() != -1) {
        return TopicResult.failed(
            name,
            ErrorCode.INVALID_REQUEST,
            "Both numPartitions or replicationFactor and replicasAssignments were set. "
                + "Both cannot be used at the same time.");
      }
      int self = identity.get().nodeId();
      for (CreateTopicsRequest.Assignment a : topic.assignments()) {
        if (!a.brokerIds().equals(List.of(self))) {
          return TopicResult.failed(
              name,
              ErrorCode.INVALID_REPLICA_ASSIGNMENT,
              "Partition "
                  + a.partitionIndex()
                  + " assigned to "
                  + a.brokerIds()
                  + "; the only broker is "
                  + self);
        }
      }
      partitions = topic.assignments().size();
    } else if (topic.replicationFactor() != -1 && topic.replicationFactor() != 1) {
      return TopicResult.failed(
          name,
          ErrorCode.INVALID_REPLICATION_FACTOR,
          "Replication factor: "
              + topic.replicationFactor()
              + " larger than available brokers: 1.");
    }
    Map<String, String> configs = new LinkedHashMap<>();
    for (CreateTopicsRequest.Config c : topic.configs()) {
      configs.put(c.name(), c.value());
    }
    if (validateOnly) {
      TopicResult invalid = validate(name, partitions, configs);
      if (invalid != null) {
        return invalid;
      }
      return success(new TopicInfo(name, UUID.randomUUID(), partitions, configs), false);
    }
    CatalogResult created = catalog.create(name, partitions, configs);
    if (!created.isOk()) {
      return TopicResult.failed(name, created.status().errorCode(), created.message());
    }
    return success(created.topic(), true);
  }

  private TopicResult validate(String name, int partitions, Map<String, String> configs) {
    String reason = TopicNames.invalidReason(name);
    if (reason != null) {
      return TopicResult.failed(name, ErrorCode.INVALID_TOPIC_EXCEPTION, reason);
    }
    if (catalog.find(name).isPresent()) {
      return TopicResult.failed(
          name, ErrorCode.TOPIC_ALREADY_EXISTS, "Topic '" + name + "' already exists.");
    }
    if (partitions <= 0) {
      return TopicResult.failed(
          name,
          ErrorCode.INVALID_PARTITIONS,
          "Number of partitions must be positive: " + partitions);
    }
    reason = TopicConfigKeys.invalidReason(configs);
    return reason == null ? null : TopicResult.failed(name, ErrorCode.INVALID_CONFIG, reason);
  }

  private static TopicResult success(TopicInfo topic, boolean created) {
    List<CreateTopicsResponse.ConfigEntry> configs = new ArrayList<>();
    for (DescribeConfigsResponse.Config c : TopicConfigEntries.of(topic, null, false)) {
      configs.add(
          new CreateTopicsResponse.ConfigEntry(
              c.name(), c.value(), c.readOnly(), c.configSource(), c.isSensitive()));
    }
    return new TopicResult(
        topic.name(),
        created ? topic.topicId() : null,
        ErrorCode.NONE.code(),
        null,
        topic.partitions(),
        (short) 1,
        configs);
  }
}
