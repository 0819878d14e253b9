package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.ApiKeys;
import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import io.duetmq.protocol.kafka.codec.DescribeConfigsRequest;
import io.duetmq.protocol.kafka.codec.ErrorCode;
import io.duetmq.protocol.kafka.codec.IncrementalAlterConfigsCodec;
import io.duetmq.protocol.kafka.codec.IncrementalAlterConfigsRequest;
import io.duetmq.protocol.kafka.codec.IncrementalAlterConfigsResponse;
import io.duetmq.protocol.kafka.topic.CatalogResult;
import io.duetmq.protocol.kafka.topic.ConfigChange;
import io.duetmq.protocol.kafka.topic.ConfigChanges;
import io.duetmq.protocol.kafka.topic.KafkaTopicCatalog;
import io.duetmq.protocol.kafka.topic.TopicInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * IncrementalAlterConfigs (key 44), v0–1 (reference §3.11): SET, DELETE, APPEND and SUBTRACT on
 * topic configs, all changes of a resource applied atomically; broker configs are static here and
 * refused with INVALID_REQUEST. Thread-safe if the catalog is.
 */
public final class IncrementalAlterConfigsHandler implements KafkaRequestHandler {
  private final KafkaTopicCatalog catalog;

  public IncrementalAlterConfigsHandler(KafkaTopicCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public ApiVersionRange versions() {
    return ApiKeys.INCREMENTAL_ALTER_CONFIGS.implemented();
  }

  @Override
  public CompletableFuture<KafkaResponse> handle(KafkaRequest request) {
    IncrementalAlterConfigsRequest decoded =
        IncrementalAlterConfigsCodec.decodeRequest(request.reader(), request.apiVersion());
    List<IncrementalAlterConfigsResponse.Result> results = new ArrayList<>();
    for (IncrementalAlterConfigsRequest.Resource resource : decoded.resources()) {
      results.add(alter(resource, decoded.validateOnly()));
    }
    IncrementalAlterConfigsResponse response = new IncrementalAlterConfigsResponse(0, results);
    return CompletableFuture.completedFuture(
        KafkaResponse.message(
            (w, v) -> IncrementalAlterConfigsCodec.encodeResponse(w, response, v)));
  }

  private IncrementalAlterConfigsResponse.Result alter(
      IncrementalAlterConfigsRequest.Resource resource, boolean validateOnly) {
    if (resource.type() != DescribeConfigsRequest.TOPIC) {
      return result(resource, ErrorCode.INVALID_REQUEST, "Only topic configs can be altered");
    }
    List<ConfigChange> changes = new ArrayList<>();
    for (IncrementalAlterConfigsRequest.Change c : resource.configs()) {
      ConfigChange.Operation operation = ConfigChange.Operation.forId(c.operation());
      if (operation == null) {
        return result(
            resource, ErrorCode.INVALID_REQUEST, "Unknown config operation " + c.operation());
      }
      changes.add(new ConfigChange(c.name(), operation, c.value()));
    }
    TopicInfo topic = catalog.find(resource.name()).orElse(null);
    if (topic == null) {
      return result(
          resource,
          ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
          "Topic " + resource.name() + " does not exist");
    }
    if (validateOnly) {
      Map<String, String> copy = new HashMap<>(topic.configs());
      String reason = ConfigChanges.applyAll(copy, changes);
      return reason == null
          ? result(resource, ErrorCode.NONE, null)
          : result(resource, ErrorCode.INVALID_CONFIG, reason);
    }
    CatalogResult altered = catalog.alterConfigs(resource.name(), changes);
    return result(resource, altered.status().errorCode(), altered.message());
  }

  private static IncrementalAlterConfigsResponse.Result result(
      IncrementalAlterConfigsRequest.Resource resource, ErrorCode error, String message) {
    return new IncrementalAlterConfigsResponse.Result(
        error.code(), message, resource.type(), resource.name());
  }
}
