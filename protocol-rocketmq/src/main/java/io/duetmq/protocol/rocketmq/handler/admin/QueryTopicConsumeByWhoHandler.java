package io.duetmq.protocol.rocketmq.handler.admin;

import io.duetmq.broker.group.ConsumerGroupRegistry;
import io.duetmq.broker.json.JsonWriter;
import io.duetmq.broker.offset.ConsumerOffsetStore;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.handler.ExtFields;
import io.duetmq.protocol.rocketmq.handler.Responses;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * QUERY_TOPIC_CONSUME_BY_WHO (300), mqadmin {@code topicList -c} and message tracks (reference §4):
 * the groups consuming a topic, i.e. the live groups subscribed to it plus the groups with offsets
 * in it, in name order.
 *
 * <p>Thread-safety: stateless apart from its collaborators, which are thread-safe.
 */
public final class QueryTopicConsumeByWhoHandler implements RequestHandler {
  private final ConsumerGroupRegistry consumers;
  private final ConsumerOffsetStore offsets;

  public QueryTopicConsumeByWhoHandler(
      ConsumerGroupRegistry consumers, ConsumerOffsetStore offsets) {
    this.consumers = consumers;
    this.offsets = offsets;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    String topic = ExtFields.of(request).string("topic");
    TreeSet<String> groups = new TreeSet<>(consumers.groupsOf(topic));
    groups.addAll(offsets.groupsOf(topic));
    JsonWriter out = new JsonWriter().beginObject().name("groupList").beginArray();
    for (String group : groups) {
      out.value(group);
    }
    byte[] body = out.endArray().endObject().toString().getBytes(StandardCharsets.UTF_8);
    return CompletableFuture.completedFuture(Responses.success(request, Map.of(), body));
  }
}
