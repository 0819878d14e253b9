package io.duetmq.protocol.rocketmq.handler.admin;

import io.duetmq.broker.group.ClientInfo;
import io.duetmq.broker.group.ConsumerGroupInfo;
import io.duetmq.broker.group.ConsumerGroupRegistry;
import io.duetmq.broker.group.SubscriptionData;
import io.duetmq.broker.json.JsonWriter;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.handler.ExtFields;
import io.duetmq.protocol.rocketmq.handler.Responses;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * GET_CONSUMER_CONNECTION_LIST (203), mqadmin {@code consumerProgress} and {@code
 * consumerConnection} (reference §4): the live clients of a group with their address, language and
 * version, the group's consume settings and its subscriptions; CONSUMER_NOT_ONLINE (206) when no
 * client is registered.
 *
 * <p>Thread-safety: stateless apart from the registry, which is thread-safe.
 */
public final class GetConsumerConnectionListHandler implements RequestHandler {
  private final ConsumerGroupRegistry consumers;

  public GetConsumerConnectionListHandler(ConsumerGroupRegistry consumers) {
    this.consumers = consumers;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    String group = ExtFields.of(request).string("consumerGroup");
    ConsumerGroupInfo info = consumers.find(group);
    if (info == null) {
      return Responses.errorNow(
          request, AdminCodes.CONSUMER_NOT_ONLINE, "the consumer group[" + group + "] not online");
    }
    JsonWriter out = new JsonWriter().beginObject().name("connectionSet").beginArray();
    for (ClientInfo client : info.clients()) {
      out.beginObject()
          .name("clientAddr")
          .value(client.connection().remoteAddress())
          .name("clientId")
          .value(client.clientId())
          .name("language")
          .value(client.connection().language())
          .name("version")
          .value(client.connection().version())
          .endObject();
    }
    out.endArray()
        .name("consumeFromWhere")
        .value(info.consumeFromWhere().name())
        .name("consumeType")
        .value(info.consumeType().wireName())
        .name("messageModel")
        .value(info.messageModel().name())
        .name("subscriptionTable")
        .beginObject();
    for (Map.Entry<String, SubscriptionData> entry : info.subscriptions().entrySet()) {
      out.name(entry.getKey());
      writeSubscription(out, entry.getValue());
    }
    byte[] body = out.endObject().endObject().toString().getBytes(StandardCharsets.UTF_8);
    return CompletableFuture.completedFuture(Responses.success(request, Map.of(), body));
  }

  private static void writeSubscription(JsonWriter out, SubscriptionData sub) {
    out.beginObject().name("classFilterMode").value(false).name("codeSet").beginArray();
    for (int code : sub.codeSet()) {
      out.value(code);
    }
    out.endArray()
        .name("expressionType")
        .value(sub.expressionType().name())
        .name("subString")
        .value(sub.subString())
        .name("subVersion")
        .value(sub.subVersion())
        .name("tagsSet")
        .beginArray();
    for (String tag : sub.tagsSet()) {
      out.value(tag);
    }
    out.endArray().name("topic").value(sub.topic()).endObject();
  }
}
