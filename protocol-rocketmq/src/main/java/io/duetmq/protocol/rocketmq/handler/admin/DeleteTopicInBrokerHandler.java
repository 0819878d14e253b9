package io.duetmq.protocol.rocketmq.handler.admin;

import io.duetmq.broker.offset.ConsumerOffsetStore;
import io.duetmq.broker.topic.TopicRegistry;
import io.duetmq.broker.topic.TopicResult;
import io.duetmq.broker.topic.TopicStatus;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.handler.BrokerResponseCode;
import io.duetmq.protocol.rocketmq.handler.ExtFields;
import io.duetmq.protocol.rocketmq.handler.Responses;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * DELETE_TOPIC_IN_BROKER (215), mqadmin {@code deleteTopic} (reference §4): removes the topic's
 * config, its consume queues (through the registry) and every group's offsets in it. Deleting an
 * unknown topic succeeds (the tool deletes on every master of a cluster); blank, invalid and system
 * names are INVALID_PARAMETER.
 *
 * <p>Thread-safety: stateless apart from its collaborators, which are thread-safe.
 */
public final class DeleteTopicInBrokerHandler implements RequestHandler {
  private final TopicRegistry topics;
  private final ConsumerOffsetStore offsets;

  public DeleteTopicInBrokerHandler(TopicRegistry topics, ConsumerOffsetStore offsets) {
    this.topics = topics;
    this.offsets = offsets;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    String topic = ExtFields.of(request).string("topic");
    TopicResult result = topics.delete(topic);
    if (result.status() == TopicStatus.INVALID_NAME
        || result.status() == TopicStatus.SYSTEM_TOPIC) {
      return Responses.errorNow(request, BrokerResponseCode.INVALID_PARAMETER, result.error());
    }
    offsets.removeTopic(topic);
    return Responses.successNow(request, Map.of());
  }
}
