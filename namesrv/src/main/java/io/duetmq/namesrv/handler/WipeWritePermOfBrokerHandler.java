package io.duetmq.namesrv.handler;

import io.duetmq.namesrv.route.RouteTables;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import java.util.Map;
import java.util.Objects;

/**
 * WIPE_WRITE_PERM_OF_BROKER (205, {@code mqadmin wipeWritePerm}): header {@code brokerName}. Clears
 * the write bit of the group's queue data on every topic (producers stop sending there until the
 * broker re-registers with a changed topic table); header {@code wipeTopicCount}.
 */
public final class WipeWritePermOfBrokerHandler extends ImmediateHandler {

  private final RouteTables routes;

  public WipeWritePermOfBrokerHandler(RouteTables routes) {
    this.routes = Objects.requireNonNull(routes, "routes");
  }

  @Override
  RemotingCommand answer(RemotingCommand request, RemotingChannel channel) {
    int count = routes.wipeWritePerm(HeaderFields.required(request, "brokerName"));
    return success(request).withExtFields(Map.of("wipeTopicCount", Integer.toString(count)));
  }
}
