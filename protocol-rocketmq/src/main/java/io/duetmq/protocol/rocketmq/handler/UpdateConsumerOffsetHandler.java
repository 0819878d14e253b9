package io.duetmq.protocol.rocketmq.handler;

import io.duetmq.broker.offset.ConsumerOffsetStore;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * UPDATE_CONSUMER_OFFSET (15), usually oneway: stores the group's next offset for a queue in the
 * one offset store both protocols share (ignored while a server-side reset of that queue is
 * pending, reference §3.11).
 */
public final class UpdateConsumerOffsetHandler implements RequestHandler {
  private final ConsumerOffsetStore offsets;

  public UpdateConsumerOffsetHandler(ConsumerOffsetStore offsets) {
    this.offsets = offsets;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    ExtFields header = ExtFields.of(request);
    offsets.commitByClient(
        header.string("consumerGroup"),
        header.string("topic"),
        header.integer("queueId"),
        header.longValue("commitOffset"));
    return Responses.successNow(request, Map.of());
  }
}
