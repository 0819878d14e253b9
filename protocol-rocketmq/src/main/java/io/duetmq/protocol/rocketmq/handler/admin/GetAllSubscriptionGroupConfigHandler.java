package io.duetmq.protocol.rocketmq.handler.admin;

import io.duetmq.broker.group.SubscriptionGroupCodec;
import io.duetmq.broker.group.SubscriptionGroupRegistry;
import io.duetmq.broker.json.JsonObject;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.handler.Responses;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * GET_ALL_SUBSCRIPTIONGROUP_CONFIG (201): every group as RocketMQ's SubscriptionGroupWrapper,
 * {@code {"dataVersion":{...},"forbiddenTable":{},"subscriptionGroupTable":{"G":{...}}}}.
 *
 * <p>Thread-safety: stateless apart from the registry, which is thread-safe.
 */
public final class GetAllSubscriptionGroupConfigHandler implements RequestHandler {
  private final SubscriptionGroupRegistry groups;

  public GetAllSubscriptionGroupConfigHandler(SubscriptionGroupRegistry groups) {
    this.groups = groups;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    String json =
        SubscriptionGroupCodec.encodeTable(groups.dataVersion(), JsonObject.EMPTY, groups.all());
    return CompletableFuture.completedFuture(
        Responses.success(request, Map.of(), json.getBytes(StandardCharsets.UTF_8)));
  }
}
