package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.ApiKeys;
import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import io.duetmq.protocol.kafka.codec.DescribeConfigsCodec;
import io.duetmq.protocol.kafka.codec.DescribeConfigsRequest;
import io.duetmq.protocol.kafka.codec.DescribeConfigsResponse;
import io.duetmq.protocol.kafka.codec.ErrorCode;
import io.duetmq.protocol.kafka.topic.BrokerIdentity;
import io.duetmq.protocol.kafka.topic.KafkaTopicCatalog;
import io.duetmq.protocol.kafka.topic.TopicConfigKeys;
import io.duetmq.protocol.kafka.topic.TopicInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * DescribeConfigs (key 32), v1–4 (reference §3.11): topic resources list every standard topic
 * config with its source (TOPIC_CONFIG for overrides, DEFAULT_CONFIG otherwise), so that {@code
 * kafka-topics --describe} and Kafka Streams find what they read; the broker resource (this node's
 * id, or "" for the cluster default) lists the head's own settings. Other resource types get
 * INVALID_REQUEST. Thread-safe if the catalog is.
 */
public final class DescribeConfigsHandler implements KafkaRequestHandler {
  private final KafkaTopicCatalog catalog;
  private final Supplier<BrokerIdentity> identity;
  private final Map<String, String> brokerConfigs;

  /**
   * @param brokerConfigs the broker settings to report (name → value), in a stable order
   */
  public DescribeConfigsHandler(
      KafkaTopicCatalog catalog,
      Supplier<BrokerIdentity> identity,
      Map<String, String> brokerConfigs) {
    this.catalog = catalog;
    this.identity = identity;
    this.brokerConfigs = Map.copyOf(brokerConfigs);
  }

  @Override
  public ApiVersionRange versions() {
    return ApiKeys.DESCRIBE_CONFIGS.implemented();
  }

  @Override
  public CompletableFuture<KafkaResponse> handle(KafkaRequest request) {
    DescribeConfigsRequest decoded =
        DescribeConfigsCodec.decodeRequest(request.reader(), request.apiVersion());
    List<DescribeConfigsResponse.Result> results = new ArrayList<>();
    for (DescribeConfigsRequest.Resource resource : decoded.resources()) {
      results.add(describe(resource, decoded.includeSynonyms()));
    }
    DescribeConfigsResponse response = new DescribeConfigsResponse(0, results);
    return CompletableFuture.completedFuture(
        KafkaResponse.message((w, v) -> DescribeConfigsCodec.encodeResponse(w, response, v)));
  }

  private DescribeConfigsResponse.Result describe(
      DescribeConfigsRequest.Resource resource, boolean synonyms) {
    if (resource.type() == DescribeConfigsRequest.TOPIC) {
      TopicInfo topic = catalog.find(resource.name()).orElse(null);
      if (topic == null) {
        return failed(
            resource,
            ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
            "Topic " + resource.name() + " does not exist");
      }
      return new DescribeConfigsResponse.Result(
          ErrorCode.NONE.code(),
          null,
          resource.type(),
          resource.name(),
          TopicConfigEntries.of(topic, resource.configurationKeys(), synonyms));
    }
    if (resource.type() == DescribeConfigsRequest.BROKER) {
      String self = Integer.toString(identity.get().nodeId());
      if (!resource.name().isEmpty() && !resource.name().equals(self)) {
        return failed(
            resource,
            ErrorCode.INVALID_REQUEST,
            "Unexpected broker id, expected " + self + " but received " + resource.name());
      }
      return new DescribeConfigsResponse.Result(
          ErrorCode.NONE.code(), null, resource.type(), resource.name(), brokerEntries(resource));
    }
    return failed(
        resource, ErrorCode.INVALID_REQUEST, "Unsupported resource type " + resource.type());
  }

  private List<DescribeConfigsResponse.Config> brokerEntries(
      DescribeConfigsRequest.Resource resource) {
    List<DescribeConfigsResponse.Config> configs = new ArrayList<>();
    brokerConfigs.keySet().stream()
        .sorted()
        .filter(
            k -> resource.configurationKeys() == null || resource.configurationKeys().contains(k))
        .forEach(
            k ->
                configs.add(
                    new DescribeConfigsResponse.Config(
                        k,
                        brokerConfigs.get(k),
                        true,
                        DescribeConfigsResponse.SOURCE_STATIC_BROKER_CONFIG,
                        false,
                        List.of(),
                        TopicConfigKeys.Type.STRING.id(),
                        null)));
    return configs;
  }

  private static DescribeConfigsResponse.Result failed(
      DescribeConfigsRequest.Resource resource, ErrorCode error, String message) {
    return new DescribeConfigsResponse.Result(
        error.code(), message, resource.type(), resource.name(), List.of());
  }
}
