package io.duetmq.protocol.rocketmq.handler.admin;

import io.duetmq.broker.config.ConfigJson;
import io.duetmq.broker.group.SubscriptionGroupCodec;
import io.duetmq.broker.group.SubscriptionGroupConfig;
import io.duetmq.broker.group.SubscriptionGroupRegistry;
import io.duetmq.broker.json.JsonObject;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.handler.BrokerResponseCode;
import io.duetmq.protocol.rocketmq.handler.Responses;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * UPDATE_AND_CREATE_SUBSCRIPTIONGROUP (200), mqadmin {@code updateSubGroup} (reference §4): stores
 * the SubscriptionGroupConfig of the JSON body (missing members take RocketMQ's defaults). A body
 * without a group name or with an impossible setting is INVALID_PARAMETER.
 *
 * <p>Thread-safety: stateless apart from the registry, which is thread-safe.
 */
public final class UpdateAndCreateSubscriptionGroupHandler implements RequestHandler {
  private final SubscriptionGroupRegistry groups;
  private final int defaultRetryMaxTimes;

  /**
   * @param groups the registry
   * @param defaultRetryMaxTimes {@code retryMaxTimes} of a body that does not set it (the broker's
   *     maxReconsumeTimes)
   */
  public UpdateAndCreateSubscriptionGroupHandler(
      SubscriptionGroupRegistry groups, int defaultRetryMaxTimes) {
    this.groups = groups;
    this.defaultRetryMaxTimes = defaultRetryMaxTimes;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    JsonObject body = JsonBodies.object(request);
    String name = ConfigJson.string(body, "groupName", null);
    if (name == null || name.isBlank()) {
      return Responses.errorNow(
          request,
          BrokerResponseCode.INVALID_PARAMETER,
          "the subscription group config has no groupName");
    }
    SubscriptionGroupConfig config;
    try {
      config = SubscriptionGroupCodec.decode(body, name, defaultRetryMaxTimes);
    } catch (IllegalArgumentException e) {
      return Responses.errorNow(
          request,
          BrokerResponseCode.INVALID_PARAMETER,
          "bad subscription group config: " + e.getMessage());
    }
    groups.createOrUpdate(config);
    return Responses.successNow(request, Map.of());
  }
}
