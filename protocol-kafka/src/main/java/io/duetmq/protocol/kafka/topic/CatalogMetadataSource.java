package io.duetmq.protocol.kafka.topic;

import io.duetmq.protocol.kafka.codec.ErrorCode;
import io.duetmq.protocol.kafka.codec.MetadataRequest;
import io.duetmq.protocol.kafka.codec.MetadataResponse;
import io.duetmq.protocol.kafka.handler.MetadataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Metadata computed from the {@link KafkaTopicCatalog} for a single broker: this broker is the only
 * node, the controller, and the leader (epoch {@link #LEADER_EPOCH}) of every partition. Missing
 * topics asked for by name are created when the request allows it and {@code
 * auto.create.topics.enable} is on (with {@code num.partitions} partitions); Kafka answers a fresh
 * auto-created topic with LEADER_NOT_AVAILABLE, but here the topic is ready at once, so it is
 * answered normally. Thread-safe if the catalog is.
 */
public final class CatalogMetadataSource implements MetadataSource {
  /** The leader epoch of every partition while there is one broker (never goes backwards). */
  public static final int LEADER_EPOCH = 0;

  private final KafkaTopicCatalog catalog;
  private final Supplier<BrokerIdentity> identity;
  private final boolean autoCreateTopics;
  private final int defaultPartitions;

  public CatalogMetadataSource(
      KafkaTopicCatalog catalog,
      Supplier<BrokerIdentity> identity,
      boolean autoCreateTopics,
      int defaultPartitions) {
    this.catalog = catalog;
    this.identity = identity;
    this.autoCreateTopics = autoCreateTopics;
    this.defaultPartitions = defaultPartitions;
  }

  @Override
  public MetadataResponse metadata(MetadataRequest request, int apiVersion) {
    BrokerIdentity self = identity.get();
    List<MetadataResponse.Topic> topics = new ArrayList<>();
    if (request.allTopics()) {
      for (TopicInfo topic : catalog.all()) {
        topics.add(topic(topic, self.nodeId()));
      }
    } else {
      for (MetadataRequest.RequestTopic wanted : request.topics()) {
        topics.add(answer(wanted, request.allowAutoTopicCreation(), self.nodeId()));
      }
    }
    return new MetadataResponse(
        0,
        List.of(new MetadataResponse.Broker(self.nodeId(), self.host(), self.port(), self.rack())),
        self.clusterId(),
        self.nodeId(),
        topics,
        MetadataResponse.OPERATIONS_OMITTED,
        ErrorCode.NONE.code());
  }

  private MetadataResponse.Topic answer(
      MetadataRequest.RequestTopic wanted, boolean allowAutoCreate, int nodeId) {
    boolean byId =
        !wanted.topicId().equals(MetadataResponse.ZERO_UUID)
            && (wanted.name() == null || wanted.name().isEmpty());
    if (byId) {
      return catalog
          .find(wanted.topicId())
          .map(t -> topic(t, nodeId))
          .orElseGet(() -> error(ErrorCode.UNKNOWN_TOPIC_ID, null, wanted));
    }
    String name = wanted.name();
    Optional<TopicInfo> found = catalog.find(name);
    if (found.isPresent()) {
      return topic(found.get(), nodeId);
    }
    if (TopicNames.invalidReason(name) != null) {
      return error(ErrorCode.INVALID_TOPIC_EXCEPTION, name, wanted);
    }
    if (allowAutoCreate && autoCreateTopics) {
      CatalogResult created = catalog.create(name, defaultPartitions, Map.of());
      if (created.isOk()) {
        return topic(created.topic(), nodeId);
      }
      // lost a race with another creator: answer what exists now
      Optional<TopicInfo> now = catalog.find(name);
      if (now.isPresent()) {
        return topic(now.get(), nodeId);
      }
      return error(created.status().errorCode(), name, wanted);
    }
    return error(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, name, wanted);
  }

  private static MetadataResponse.Topic error(
      ErrorCode code, String name, MetadataRequest.RequestTopic wanted) {
    return new MetadataResponse.Topic(
        code.code(), name, wanted.topicId(), false, List.of(), MetadataResponse.OPERATIONS_OMITTED);
  }

  private static MetadataResponse.Topic topic(TopicInfo topic, int nodeId) {
    List<MetadataResponse.Partition> partitions = new ArrayList<>(topic.partitions());
    List<Integer> replicas = List.of(nodeId);
    for (int i = 0; i < topic.partitions(); i++) {
      partitions.add(
          new MetadataResponse.Partition(
              ErrorCode.NONE.code(), i, nodeId, LEADER_EPOCH, replicas, replicas, List.of()));
    }
    return new MetadataResponse.Topic(
        ErrorCode.NONE.code(),
        topic.name(),
        topic.topicId(),
        false,
        partitions,
        MetadataResponse.OPERATIONS_OMITTED);
  }
}
