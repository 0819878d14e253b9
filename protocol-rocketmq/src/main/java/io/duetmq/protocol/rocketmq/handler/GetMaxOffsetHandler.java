package io.duetmq.protocol.rocketmq.handler;

import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import io.duetmq.store.QueueReader;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * GET_MAX_OFFSET (30): the next logical offset to be written in a queue (0 for an empty or unknown
 * one).
 */
public final class GetMaxOffsetHandler implements RequestHandler {
  private final QueueReader queues;

  public GetMaxOffsetHandler(QueueReader queues) {
    this.queues = queues;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    ExtFields header = ExtFields.of(request);
    long offset = queues.maxOffset(header.string("topic"), header.integer("queueId"));
    return Responses.successNow(request, Map.of("offset", offset));
  }
}
