package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.ApiKeys;
import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import io.duetmq.protocol.kafka.codec.CreatePartitionsCodec;
import io.duetmq.protocol.kafka.codec.CreatePartitionsRequest;
import io.duetmq.protocol.kafka.codec.CreatePartitionsResponse;
import io.duetmq.protocol.kafka.codec.ErrorCode;
import io.duetmq.protocol.kafka.topic.CatalogResult;
import io.duetmq.protocol.kafka.topic.KafkaTopicCatalog;
import io.duetmq.protocol.kafka.topic.TopicInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * CreatePartitions (key 37), v0–3 (reference §3.10): raises a topic's partition count to the
 * requested total. Manual assignments are accepted when they name only existing brokers (there is
 * one). Thread-safe if the catalog is.
 */
public final class CreatePartitionsHandler implements KafkaRequestHandler {
  private final KafkaTopicCatalog catalog;

  public CreatePartitionsHandler(KafkaTopicCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public ApiVersionRange versions() {
    return ApiKeys.CREATE_PARTITIONS.implemented();
  }

  @Override
  public CompletableFuture<KafkaResponse> handle(KafkaRequest request) {
    CreatePartitionsRequest decoded =
        CreatePartitionsCodec.decodeRequest(request.reader(), request.apiVersion());
    Map<String, Integer> counts = new HashMap<>();
    decoded.topics().forEach(t -> counts.merge(t.name(), 1, Integer::sum));
    List<CreatePartitionsResponse.Result> results = new ArrayList<>();
    for (CreatePartitionsRequest.Topic topic : decoded.topics()) {
      if (counts.get(topic.name()) > 1) {
        results.add(
            new CreatePartitionsResponse.Result(
                topic.name(), ErrorCode.INVALID_REQUEST.code(), "Duplicate topic in request."));
      } else {
        results.add(grow(topic, decoded.validateOnly()));
      }
    }
    CreatePartitionsResponse response = new CreatePartitionsResponse(0, results);
    return CompletableFuture.completedFuture(
        KafkaResponse.message((w, v) -> CreatePartitionsCodec.encodeResponse(w, response, v)));
  }

  private CreatePartitionsResponse.Result grow(
      CreatePartitionsRequest.Topic topic, boolean validateOnly) {
    TopicInfo current = catalog.find(topic.name()).orElse(null);
    if (current == null) {
      return new CreatePartitionsResponse.Result(
          topic.name(),
          ErrorCode.UNKNOWN_TOPIC_OR_PARTITION.code(),
          "The topic '" + topic.name() + "' does not exist.");
    }
    if (topic.assignments() != null
        && topic.assignments().size() != topic.count() - current.partitions()) {
      return new CreatePartitionsResponse.Result(
          topic.name(),
          ErrorCode.INVALID_REPLICA_ASSIGNMENT.code(),
          "Increasing the number of partitions by "
              + (topic.count() - current.partitions())
              + " but "
              + topic.assignments().size()
              + " assignments provided.");
    }
    if (validateOnly) {
      boolean grows = topic.count() > current.partitions();
      return new CreatePartitionsResponse.Result(
          topic.name(),
          grows ? ErrorCode.NONE.code() : ErrorCode.INVALID_PARTITIONS.code(),
          grows ? null : "Topic currently has " + current.partitions() + " partitions.");
    }
    CatalogResult result = catalog.addPartitions(topic.name(), topic.count());
    return new CreatePartitionsResponse.Result(
        topic.name(), result.status().errorCode().code(), result.message());
  }
}
