package io.duetmq.protocol.rocketmq.handler;

import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import io.duetmq.store.QueueReader;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * GET_EARLIEST_MSG_STORETIME (32): store time of the oldest retained message of a queue, −1 if
 * none.
 */
public final class GetEarliestMsgStoreTimeHandler implements RequestHandler {
  private final QueueReader queues;

  public GetEarliestMsgStoreTimeHandler(QueueReader queues) {
    this.queues = queues;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    ExtFields header = ExtFields.of(request);
    String topic = header.string("topic");
    int queueId = header.integer("queueId");
    long timestamp = queues.storeTimestampAt(topic, queueId, queues.minOffset(topic, queueId));
    return Responses.successNow(request, Map.of("timestamp", timestamp));
  }
}
