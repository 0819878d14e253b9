package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.ApiKeys;
import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import io.duetmq.protocol.kafka.codec.DeleteTopicsCodec;
import io.duetmq.protocol.kafka.codec.DeleteTopicsRequest;
import io.duetmq.protocol.kafka.codec.DeleteTopicsResponse;
import io.duetmq.protocol.kafka.codec.ErrorCode;
import io.duetmq.protocol.kafka.codec.MetadataResponse;
import io.duetmq.protocol.kafka.producer.ProducerStateTable;
import io.duetmq.protocol.kafka.topic.CatalogResult;
import io.duetmq.protocol.kafka.topic.KafkaTopicCatalog;
import io.duetmq.protocol.kafka.topic.TopicInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * DeleteTopics (key 20), v1–6 (reference §3.10): by name, or by id in v6. The catalog deletes the
 * topic and its data; the topic's producer state is dropped here. Thread-safe if the catalog is.
 */
public final class DeleteTopicsHandler implements KafkaRequestHandler {
  private final KafkaTopicCatalog catalog;
  private final ProducerStateTable producers;

  public DeleteTopicsHandler(KafkaTopicCatalog catalog, ProducerStateTable producers) {
    this.catalog = catalog;
    this.producers = producers;
  }

  @Override
  public ApiVersionRange versions() {
    return ApiKeys.DELETE_TOPICS.implemented();
  }

  @Override
  public CompletableFuture<KafkaResponse> handle(KafkaRequest request) {
    DeleteTopicsRequest decoded =
        DeleteTopicsCodec.decodeRequest(request.reader(), request.apiVersion());
    List<DeleteTopicsResponse.Result> results = new ArrayList<>();
    for (DeleteTopicsRequest.Topic topic : decoded.topics()) {
      results.add(delete(topic));
    }
    DeleteTopicsResponse response = new DeleteTopicsResponse(0, results);
    return CompletableFuture.completedFuture(
        KafkaResponse.message((w, v) -> DeleteTopicsCodec.encodeResponse(w, response, v)));
  }

  private DeleteTopicsResponse.Result delete(DeleteTopicsRequest.Topic topic) {
    boolean byId = !topic.topicId().equals(MetadataResponse.ZERO_UUID);
    boolean byName = topic.name() != null && !topic.name().isEmpty();
    if (byId == byName) {
      return new DeleteTopicsResponse.Result(
          topic.name(),
          topic.topicId(),
          ErrorCode.INVALID_REQUEST.code(),
          "Exactly one of topic name and topic id must be given");
    }
    Optional<TopicInfo> found = byId ? catalog.find(topic.topicId()) : catalog.find(topic.name());
    if (found.isEmpty()) {
      ErrorCode error = byId ? ErrorCode.UNKNOWN_TOPIC_ID : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
      return new DeleteTopicsResponse.Result(
          topic.name(), topic.topicId(), error.code(), "This server does not host this topic");
    }
    TopicInfo info = found.get();
    CatalogResult deleted = catalog.delete(info.name());
    if (deleted.isOk()) {
      producers.removeTopic(info.name());
    }
    return new DeleteTopicsResponse.Result(
        info.name(), info.topicId(), deleted.status().errorCode().code(), deleted.message());
  }
}
