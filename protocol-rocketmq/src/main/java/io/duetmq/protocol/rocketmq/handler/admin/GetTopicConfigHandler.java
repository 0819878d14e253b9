package io.duetmq.protocol.rocketmq.handler.admin;

import io.duetmq.broker.topic.TopicConfig;
import io.duetmq.broker.topic.TopicConfigCodec;
import io.duetmq.broker.topic.TopicRegistry;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.handler.BrokerResponseCode;
import io.duetmq.protocol.rocketmq.handler.ExtFields;
import io.duetmq.protocol.rocketmq.handler.Responses;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * GET_TOPIC_CONFIG (351), used by 5.x {@code topicStatus} and {@code consumerProgress} (reference
 * §4, §9.11): the topic's TopicConfig JSON, or TOPIC_NOT_EXIST (17), the only error those tools
 * tolerate.
 *
 * <p>Thread-safety: stateless apart from the registry, which is thread-safe.
 */
public final class GetTopicConfigHandler implements RequestHandler {
  private final TopicRegistry topics;

  public GetTopicConfigHandler(TopicRegistry topics) {
    this.topics = topics;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    String topic = ExtFields.of(request).string("topic");
    TopicConfig config = topics.get(topic);
    if (config == null) {
      return Responses.errorNow(
          request, BrokerResponseCode.TOPIC_NOT_EXIST, "No topic in this broker. topic: " + topic);
    }
    byte[] body = TopicConfigCodec.toJson(config).getBytes(StandardCharsets.UTF_8);
    return CompletableFuture.completedFuture(Responses.success(request, Map.of(), body));
  }
}
