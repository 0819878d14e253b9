package io.duetmq.protocol.rocketmq.handler.admin;

import io.duetmq.broker.json.JsonDouble;
import io.duetmq.broker.json.JsonWriter;
import io.duetmq.broker.topic.TopicConfig;
import io.duetmq.broker.topic.TopicRegistry;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.handler.BrokerResponseCode;
import io.duetmq.protocol.rocketmq.handler.ExtFields;
import io.duetmq.protocol.rocketmq.handler.Responses;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import io.duetmq.store.QueueReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * GET_TOPIC_STATS_INFO (202), mqadmin {@code topicStatus} (reference §4): per queue id 0..max(read,
 * write)−1 of this broker the min and max offsets and the store time of the newest message (0 for
 * an empty queue), keyed by MessageQueue; {@code topicPutTps} is 0.0 (no rate is measured). An
 * unknown topic is TOPIC_NOT_EXIST.
 *
 * <p>Thread-safety: stateless apart from its collaborators, which are thread-safe.
 */
public final class GetTopicStatsInfoHandler implements RequestHandler {
  private final TopicRegistry topics;
  private final QueueReader queues;
  private final String brokerName;

  public GetTopicStatsInfoHandler(TopicRegistry topics, QueueReader queues, String brokerName) {
    this.topics = topics;
    this.queues = queues;
    this.brokerName = brokerName;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    String topic = ExtFields.of(request).string("topic");
    TopicConfig config = topics.get(topic);
    if (config == null) {
      return Responses.errorNow(
          request, BrokerResponseCode.TOPIC_NOT_EXIST, "topic[" + topic + "] not exist");
    }
    JsonWriter out = new JsonWriter().beginObject().name("offsetTable").beginObject();
    for (int queueId = 0; queueId < config.queueNums(); queueId++) {
      long min = queues.minOffset(topic, queueId);
      long max = queues.maxOffset(topic, queueId);
      long last = max > 0 ? Math.max(0, queues.storeTimestampAt(topic, queueId, max - 1)) : 0;
      out.name(MessageQueueKey.of(topic, brokerName, queueId))
          .beginObject()
          .name("lastUpdateTimestamp")
          .value(last)
          .name("maxOffset")
          .value(max)
          .name("minOffset")
          .value(min)
          .endObject();
    }
    out.endObject().name("topicPutTps").value(new JsonDouble(0.0)).endObject();
    byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
    return CompletableFuture.completedFuture(Responses.success(request, Map.of(), body));
  }
}
