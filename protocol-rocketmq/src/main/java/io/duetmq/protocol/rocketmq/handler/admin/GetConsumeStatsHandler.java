package io.duetmq.protocol.rocketmq.handler.admin;

import io.duetmq.broker.group.ConsumerGroupRegistry;
import io.duetmq.broker.json.JsonDouble;
import io.duetmq.broker.json.JsonWriter;
import io.duetmq.broker.offset.ConsumerOffsetStore;
import io.duetmq.broker.topic.TopicConfig;
import io.duetmq.broker.topic.TopicRegistry;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.handler.ExtFields;
import io.duetmq.protocol.rocketmq.handler.Responses;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import io.duetmq.store.QueueReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * GET_CONSUME_STATS (208), mqadmin {@code consumerProgress} (reference §4): for the given topic, or
 * every topic the group has offsets for on this broker, per queue 0..readQueueNums−1 the max offset
 * ({@code brokerOffset}), the committed offset ({@code consumerOffset}, 0 if none; also reported as
 * {@code pullOffset}, which is not tracked separately) and the store time of the last consumed
 * message. Topics the live group does not subscribe are left out, as RocketMQ does. {@code
 * consumeTps} is 0.0 (no rate is measured).
 *
 * <p>Thread-safety: stateless apart from its collaborators, which are thread-safe.
 */
public final class GetConsumeStatsHandler implements RequestHandler {
  private final TopicRegistry topics;
  private final ConsumerOffsetStore offsets;
  private final ConsumerGroupRegistry consumers;
  private final QueueReader queues;
  private final String brokerName;

  public GetConsumeStatsHandler(
      TopicRegistry topics,
      ConsumerOffsetStore offsets,
      ConsumerGroupRegistry consumers,
      QueueReader queues,
      String brokerName) {
    this.topics = topics;
    this.offsets = offsets;
    this.consumers = consumers;
    this.queues = queues;
    this.brokerName = brokerName;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    ExtFields header = ExtFields.of(request);
    String group = header.string("consumerGroup");
    String topic = header.string("topic", "");
    List<String> wanted = topic.isBlank() ? offsets.topicsOf(group) : List.of(topic);
    boolean online = consumers.find(group) != null;
    JsonWriter out = new JsonWriter().beginObject().name("consumeTps").value(new JsonDouble(0.0));
    out.name("offsetTable").beginObject();
    for (String name : wanted) {
      TopicConfig config = topics.get(name);
      if (config == null || (online && consumers.subscription(group, name) == null)) {
        continue;
      }
      for (int queueId = 0; queueId < config.readQueueNums(); queueId++) {
        writeQueue(out, group, name, queueId);
      }
    }
    byte[] body = out.endObject().endObject().toString().getBytes(StandardCharsets.UTF_8);
    return CompletableFuture.completedFuture(Responses.success(request, Map.of(), body));
  }

  private void writeQueue(JsonWriter out, String group, String topic, int queueId) {
    long consumed = Math.max(0, offsets.query(group, topic, queueId));
    long last =
        consumed > 0 ? Math.max(0, queues.storeTimestampAt(topic, queueId, consumed - 1)) : 0;
    out.name(MessageQueueKey.of(topic, brokerName, queueId))
        .beginObject()
        .name("brokerOffset")
        .value(queues.maxOffset(topic, queueId))
        .name("consumerOffset")
        .value(consumed)
        .name("lastTimestamp")
        .value(last)
        .name("pullOffset")
        .value(consumed)
        .endObject();
  }
}
