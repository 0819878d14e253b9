package io.duetmq.protocol.rocketmq.handler;

import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import io.duetmq.store.QueueReader;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * SEARCH_OFFSET_BY_TIMESTAMP (29). LOWER (the default): the first offset stored at or after the
 * timestamp, the max offset if none. UPPER (5.x): the last offset stored at or before it, the min
 * offset if none.
 */
public final class SearchOffsetByTimestampHandler implements RequestHandler {
  private final QueueReader queues;

  public SearchOffsetByTimestampHandler(QueueReader queues) {
    this.queues = queues;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    ExtFields header = ExtFields.of(request);
    String topic = header.string("topic");
    int queueId = header.integer("queueId");
    long timestamp = header.longValue("timestamp");
    long offset;
    if ("UPPER".equalsIgnoreCase(header.string("boundaryType", "LOWER"))) {
      long after = queues.offsetForTimestamp(topic, queueId, timestamp + 1);
      offset = Math.max(queues.minOffset(topic, queueId), after - 1);
    } else {
      offset = queues.offsetForTimestamp(topic, queueId, timestamp);
    }
    return Responses.successNow(request, Map.of("offset", offset));
  }
}
