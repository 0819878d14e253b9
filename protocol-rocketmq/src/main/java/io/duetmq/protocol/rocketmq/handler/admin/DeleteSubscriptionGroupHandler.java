package io.duetmq.protocol.rocketmq.handler.admin;

import io.duetmq.broker.group.SubscriptionGroupRegistry;
import io.duetmq.broker.offset.ConsumerOffsetStore;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.handler.ExtFields;
import io.duetmq.protocol.rocketmq.handler.Responses;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * DELETE_SUBSCRIPTIONGROUP (207): removes the group's settings and, when the header's {@code
 * cleanOffset} is true, its committed offsets. Deleting an unknown group succeeds.
 *
 * <p>Thread-safety: stateless apart from its collaborators, which are thread-safe.
 */
public final class DeleteSubscriptionGroupHandler implements RequestHandler {
  private final SubscriptionGroupRegistry groups;
  private final ConsumerOffsetStore offsets;

  public DeleteSubscriptionGroupHandler(
      SubscriptionGroupRegistry groups, ConsumerOffsetStore offsets) {
    this.groups = groups;
    this.offsets = offsets;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    ExtFields header = ExtFields.of(request);
    String group = header.string("groupName");
    groups.delete(group);
    if (header.bool("cleanOffset", false)) {
      offsets.removeGroup(group);
    }
    return Responses.successNow(request, Map.of());
  }
}
