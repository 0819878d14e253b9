package io.duetmq.protocol.rocketmq.handler;

import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import io.duetmq.store.QueueReader;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** GET_MIN_OFFSET (31): the smallest logical offset still present in a queue. */
public final class GetMinOffsetHandler implements RequestHandler {
  private final QueueReader queues;

  public GetMinOffsetHandler(QueueReader queues) {
    this.queues = queues;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    ExtFields header = ExtFields.of(request);
    long offset = queues.minOffset(header.string("topic"), header.integer("queueId"));
    return Responses.successNow(request, Map.of("offset", offset));
  }
}
