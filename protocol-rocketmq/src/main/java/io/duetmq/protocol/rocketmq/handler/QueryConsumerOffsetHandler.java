package io.duetmq.protocol.rocketmq.handler;

import io.duetmq.broker.offset.ConsumerOffsetStore;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import io.duetmq.store.QueueReadResult;
import io.duetmq.store.QueueReader;
import io.duetmq.store.ReadStatus;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * QUERY_CONSUMER_OFFSET (14), reference §3.9: the committed offset; else offset 0 when the queue
 * still starts at 0 and its first message is "hot" (within the newest {@code hotWindowBytes} of the
 * commit log, RocketMQ's in-memory rule, which lets a new group see the messages of a young topic);
 * else QUERY_NOT_FOUND (22), never another error.
 */
public final class QueryConsumerOffsetHandler implements RequestHandler {
  private final ConsumerOffsetStore offsets;
  private final QueueReader queues;
  private final LongSupplier commitLogEnd;
  private final long hotWindowBytes;

  public QueryConsumerOffsetHandler(
      ConsumerOffsetStore offsets,
      QueueReader queues,
      LongSupplier commitLogEnd,
      long hotWindowBytes) {
    this.offsets = offsets;
    this.queues = queues;
    this.commitLogEnd = commitLogEnd;
    this.hotWindowBytes = hotWindowBytes;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    ExtFields header = ExtFields.of(request);
    String group = header.string("consumerGroup");
    String topic = header.string("topic");
    int queueId = header.integer("queueId");
    long committed = offsets.query(group, topic, queueId);
    if (committed >= 0) {
      return Responses.successNow(request, Map.of("offset", committed));
    }
    boolean zeroIfNotFound = header.bool("setZeroIfNotFound", true);
    if (zeroIfNotFound
        && queues.minOffset(topic, queueId) <= 0
        && firstMessageIsHot(topic, queueId)) {
      return Responses.successNow(request, Map.of("offset", 0L));
    }
    return Responses.errorNow(
        request,
        BrokerResponseCode.QUERY_NOT_FOUND,
        "Not found, V3_0_6_SNAPSHOT maybe this group consumer boot first");
  }

  private boolean firstMessageIsHot(String topic, int queueId) {
    QueueReadResult first = queues.read(topic, queueId, 0, 1, 1, null);
    if (first.status() != ReadStatus.FOUND) {
      // An empty queue: starting at 0 loses nothing.
      return first.status() == ReadStatus.NO_MESSAGE_IN_QUEUE
          || first.status() == ReadStatus.NO_MATCHED_LOGIC_QUEUE;
    }
    return commitLogEnd.getAsLong() - first.records().get(0).commitLogOffset() <= hotWindowBytes;
  }
}
