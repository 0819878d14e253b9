package io.duetmq.protocol.rocketmq.handler.admin;

import io.duetmq.broker.topic.TopicConfigCodec;
import io.duetmq.broker.topic.TopicRegistry;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.handler.Responses;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * GET_ALL_TOPIC_CONFIG (21): every topic as RocketMQ's TopicConfigSerializeWrapper, {@code
 * {"dataVersion":{...},"topicConfigTable":{"T":{...}}}} (the {@code topics.json} shape).
 *
 * <p>Thread-safety: stateless apart from the registry, which is thread-safe.
 */
public final class GetAllTopicConfigHandler implements RequestHandler {
  private final TopicRegistry topics;

  public GetAllTopicConfigHandler(TopicRegistry topics) {
    this.topics = topics;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    String json = TopicConfigCodec.encodeTable(topics.dataVersion(), topics.all());
    return CompletableFuture.completedFuture(
        Responses.success(request, Map.of(), json.getBytes(StandardCharsets.UTF_8)));
  }
}
