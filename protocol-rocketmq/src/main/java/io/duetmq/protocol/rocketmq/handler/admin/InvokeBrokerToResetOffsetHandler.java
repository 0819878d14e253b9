package io.duetmq.protocol.rocketmq.handler.admin;

import io.duetmq.broker.group.SubscriptionGroupRegistry;
import io.duetmq.broker.json.JsonWriter;
import io.duetmq.broker.offset.ConsumerOffsetStore;
import io.duetmq.broker.topic.TopicConfig;
import io.duetmq.broker.topic.TopicRegistry;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.handler.BrokerResponseCode;
import io.duetmq.protocol.rocketmq.handler.ExtFields;
import io.duetmq.protocol.rocketmq.handler.Responses;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * INVOKE_BROKER_TO_RESET_OFFSET (222), mqadmin {@code resetOffsetByTime}, with RocketMQ 5's
 * server-side reset (reference §4): the group's offset in every read queue of the topic becomes the
 * first offset stored at or after {@code timestamp} (the queue's end for −1), or, when the header
 * names a queue and an offset, that queue only takes that offset. The offsets are committed and
 * marked pending, so consumers online or offline pick them up on their next offset query or pull.
 * Answers ResetOffsetBody {@code {"offsetTable":{<MessageQueue>:offset}}}; an unknown topic is
 * TOPIC_NOT_EXIST, an unknown group SUBSCRIPTION_GROUP_NOT_EXIST.
 *
 * <p>Thread-safety: stateless apart from its collaborators, which are thread-safe.
 */
public final class InvokeBrokerToResetOffsetHandler implements RequestHandler {
  private final TopicRegistry topics;
  private final SubscriptionGroupRegistry groups;
  private final ConsumerOffsetStore offsets;
  private final String brokerName;

  public InvokeBrokerToResetOffsetHandler(
      TopicRegistry topics,
      SubscriptionGroupRegistry groups,
      ConsumerOffsetStore offsets,
      String brokerName) {
    this.topics = topics;
    this.groups = groups;
    this.offsets = offsets;
    this.brokerName = brokerName;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    ExtFields header = ExtFields.of(request);
    String topic = header.string("topic");
    String group = header.string("group");
    long timestamp = header.longValue("timestamp", -1);
    int queueId = header.integer("queueId", -1);
    long offset = header.longValue("offset", -1);
    TopicConfig config = topics.get(topic);
    if (config == null) {
      return Responses.errorNow(
          request, BrokerResponseCode.TOPIC_NOT_EXIST, "topic[" + topic + "] not exist");
    }
    if (groups.get(group) == null) {
      return Responses.errorNow(
          request,
          BrokerResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST,
          "subscription group [" + group + "] does not exist");
    }
    Map<Integer, Long> reset;
    if (queueId >= 0 && offset >= 0) {
      if (queueId >= config.readQueueNums()) {
        return Responses.errorNow(
            request,
            BrokerResponseCode.INVALID_PARAMETER,
            "queueId " + queueId + " >= readQueueNums " + config.readQueueNums() + " of " + topic);
      }
      offsets.resetOffset(group, topic, queueId, offset);
      reset = new TreeMap<>(Map.of(queueId, offset));
    } else {
      reset = offsets.resetByTimestamp(group, topic, config.readQueueNums(), timestamp);
    }
    JsonWriter out = new JsonWriter().beginObject().name("offsetTable").beginObject();
    reset.forEach(
        (queue, value) -> out.name(MessageQueueKey.of(topic, brokerName, queue)).value(value));
    byte[] body = out.endObject().endObject().toString().getBytes(StandardCharsets.UTF_8);
    return CompletableFuture.completedFuture(Responses.success(request, Map.of(), body));
  }
}
