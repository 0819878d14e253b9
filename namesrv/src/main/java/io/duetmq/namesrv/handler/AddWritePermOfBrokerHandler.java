package io.duetmq.namesrv.handler;

import io.duetmq.namesrv.route.RouteTables;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import java.util.Map;
import java.util.Objects;

/**
 * ADD_WRITE_PERM_OF_BROKER (327, {@code mqadmin addWritePerm}): header {@code brokerName}. Sets the
 * group's queue data on every topic to read+write; header {@code addTopicCount}.
 */
public final class AddWritePermOfBrokerHandler extends ImmediateHandler {

  private final RouteTables routes;

  public AddWritePermOfBrokerHandler(RouteTables routes) {
    this.routes = Objects.requireNonNull(routes, "routes");
  }

  @Override
  RemotingCommand answer(RemotingCommand request, RemotingChannel channel) {
    int count = routes.addWritePerm(HeaderFields.required(request, "brokerName"));
    return success(request).withExtFields(Map.of("addTopicCount", Integer.toString(count)));
  }
}
