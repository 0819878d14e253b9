package io.duetmq.protocol.rocketmq.handler;

import io.duetmq.broker.group.ConsumerGroupRegistry;
import io.duetmq.broker.group.ExpressionType;
import io.duetmq.broker.group.SubscriptionData;
import io.duetmq.broker.group.SubscriptionGroupConfig;
import io.duetmq.broker.group.SubscriptionGroupRegistry;
import io.duetmq.broker.offset.ConsumerOffsetStore;
import io.duetmq.broker.poll.HoldStatus;
import io.duetmq.broker.poll.LongPollService;
import io.duetmq.broker.poll.PollRequest;
import io.duetmq.broker.topic.TopicConfig;
import io.duetmq.broker.topic.TopicRegistry;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import io.duetmq.store.QueueReadResult;
import io.duetmq.store.QueueReader;
import io.duetmq.store.StoredRecord;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * PULL_MESSAGE (11) and LITE_PULL_MESSAGE (361), reference §3.10: checks group, topic, queue and
 * subscription, reads the queue with the subscription's tag filter, answers the stored records back
 * to back, and holds a request that found nothing new (SUSPEND) until a message arrives or its
 * suspend time passes.
 */
public final class PullMessageHandler implements RequestHandler {
  /** RocketMQ's transfer limit for one pull from the page cache. */
  private static final int MAX_TRANSFER_BYTES = 256 * 1024;

  private final TopicRegistry topics;
  private final SubscriptionGroupRegistry groups;
  private final ConsumerGroupRegistry consumers;
  private final ConsumerOffsetStore offsets;
  private final QueueReader queues;
  private final LongPollService longPolls;
  private final Clock clock;

  public PullMessageHandler(
      TopicRegistry topics,
      SubscriptionGroupRegistry groups,
      ConsumerGroupRegistry consumers,
      ConsumerOffsetStore offsets,
      QueueReader queues,
      LongPollService longPolls,
      Clock clock) {
    this.topics = topics;
    this.groups = groups;
    this.consumers = consumers;
    this.offsets = offsets;
    this.queues = queues;
    this.longPolls = longPolls;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    PullHeader header = PullHeader.decode(request);
    SubscriptionGroupConfig group = groups.findOrCreate(header.consumerGroup());
    if (group == null) {
      return Responses.errorNow(
          request,
          BrokerResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST,
          "subscription group [" + header.consumerGroup() + "] does not exist");
    }
    if (!group.consumeEnable()) {
      return Responses.errorNow(request, BrokerResponseCode.NO_PERMISSION, "consume disabled");
    }
    TopicConfig topic = topics.get(header.topic());
    if (topic == null) {
      return Responses.errorNow(
          request, BrokerResponseCode.TOPIC_NOT_EXIST, "topic[" + header.topic() + "] not exist");
    }
    if (header.queueId() < 0 || header.queueId() >= topic.readQueueNums()) {
      return Responses.errorNow(
          request,
          BrokerResponseCode.INVALID_PARAMETER,
          "queueId " + header.queueId() + " illegal");
    }
    SubscriptionData subscription = subscriptionOf(header);
    if (subscription == null) {
      return Responses.errorNow(
          request,
          BrokerResponseCode.SUBSCRIPTION_NOT_EXIST,
          "the consumer's subscription not exist, group: " + header.consumerGroup());
    }
    if (!header.has(PullHeader.FLAG_SUBSCRIPTION)
        && subscription.subVersion() < header.subVersion()) {
      return Responses.errorNow(
          request,
          BrokerResponseCode.SUBSCRIPTION_NOT_LATEST,
          "the consumer's subscription not latest");
    }
    long reset = offsets.takePendingReset(header.consumerGroup(), header.topic(), header.queueId());
    if (reset >= 0) {
      // An operator reset this queue (resetOffsetByTime): move the consumer there (reference §4).
      return CompletableFuture.completedFuture(offsetMoved(request, header, reset));
    }
    if (header.has(PullHeader.FLAG_COMMIT_OFFSET)) {
      offsets.commitByClient(
          header.consumerGroup(), header.topic(), header.queueId(), header.commitOffset());
    }
    RemotingCommand answer = read(request, header, subscription);
    if (answer.code() != BrokerResponseCode.PULL_NOT_FOUND
        || !header.has(PullHeader.FLAG_SUSPEND)) {
      return CompletableFuture.completedFuture(answer);
    }
    return hold(request, header, subscription, channel, answer);
  }

  private SubscriptionData subscriptionOf(PullHeader header) {
    if (header.has(PullHeader.FLAG_SUBSCRIPTION)) {
      ExpressionType type =
          "SQL92".equalsIgnoreCase(header.expressionType())
              ? ExpressionType.SQL92
              : ExpressionType.TAG;
      return SubscriptionData.of(header.topic(), header.subscription(), type, header.subVersion());
    }
    return consumers.subscription(header.consumerGroup(), header.topic());
  }

  private CompletableFuture<RemotingCommand> hold(
      RemotingCommand request,
      PullHeader header,
      SubscriptionData subscription,
      RemotingChannel channel,
      RemotingCommand notFound) {
    CompletableFuture<RemotingCommand> response = new CompletableFuture<>();
    long deadline = clock.millis() + Math.max(0, header.suspendTimeoutMillis());
    PollRequest poll =
        PollRequest.single(
            channel.id(),
            header.topic(),
            header.queueId(),
            header.queueOffset(),
            deadline,
            reason -> response.complete(read(request, header, subscription)));
    if (longPolls.hold(poll) != HoldStatus.HELD) {
      return CompletableFuture.completedFuture(notFound);
    }
    return response;
  }

  private RemotingCommand read(RemotingCommand request, PullHeader header, SubscriptionData sub) {
    int maxBytes = Math.min(MAX_TRANSFER_BYTES, Math.max(1, header.maxMsgBytes()));
    QueueReadResult result =
        queues.read(
            header.topic(),
            header.queueId(),
            header.queueOffset(),
            maxBytes,
            Math.max(1, header.maxMsgNums()),
            sub::acceptsTagsCode);
    int code = StoreStatusCodes.forRead(result.status(), header.queueOffset());
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("nextBeginOffset", result.nextBeginOffset());
    fields.put("minOffset", result.minOffset());
    fields.put("maxOffset", result.maxOffset());
    fields.put("suggestWhichBrokerId", 0L);
    RemotingCommand success = Responses.success(request, fields, code == 0 ? body(result) : null);
    return code == 0
        ? success
        : RemotingCommand.responseTo(request, code, result.status().name())
            .withExtFields(success.extFields());
  }

  private RemotingCommand offsetMoved(RemotingCommand request, PullHeader header, long offset) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("nextBeginOffset", offset);
    fields.put("minOffset", queues.minOffset(header.topic(), header.queueId()));
    fields.put("maxOffset", queues.maxOffset(header.topic(), header.queueId()));
    fields.put("suggestWhichBrokerId", 0L);
    return RemotingCommand.responseTo(request, BrokerResponseCode.PULL_OFFSET_MOVED, "reset")
        .withExtFields(Responses.success(request, fields, null).extFields());
  }

  private static byte[] body(QueueReadResult result) {
    byte[] body = new byte[(int) result.totalBytes()];
    int at = 0;
    for (StoredRecord record : result.records()) {
      ByteBuffer bytes = record.buffer().duplicate();
      int length = bytes.remaining();
      bytes.get(body, at, length);
      at += length;
    }
    return body;
  }
}
