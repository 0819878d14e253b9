package io.duetmq.protocol.rocketmq.handler;

import io.duetmq.broker.group.ConsumerGroupRegistry;
import io.duetmq.broker.json.JsonWriter;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.codec.ResponseCode;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * GET_CONSUMER_LIST_BY_GROUP (38): the client ids registered for a group on this broker (reference
 * §3.7).
 */
public final class GetConsumerListByGroupHandler implements RequestHandler {
  private final ConsumerGroupRegistry consumers;

  public GetConsumerListByGroupHandler(ConsumerGroupRegistry consumers) {
    this.consumers = consumers;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    String group = ExtFields.of(request).string("consumerGroup");
    List<String> ids = consumers.consumerIds(group);
    if (ids.isEmpty()) {
      return Responses.errorNow(
          request, ResponseCode.SYSTEM_ERROR, "no consumer for this group, " + group);
    }
    JsonWriter out = new JsonWriter().beginObject().name("consumerIdList").beginArray();
    for (String id : ids) {
      out.value(id);
    }
    out.endArray().endObject();
    byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
    return CompletableFuture.completedFuture(Responses.success(request, Map.of(), body));
  }
}
