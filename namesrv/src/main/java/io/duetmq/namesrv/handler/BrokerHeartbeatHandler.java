package io.duetmq.namesrv.handler;

import io.duetmq.namesrv.route.RouteTables;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import java.util.Objects;

/**
 * BROKER_HEARTBEAT (904): header {@code brokerAddr} (and {@code clusterName}, {@code brokerName},
 * …). Refreshes a registered broker's liveness without a full registration; answers SUCCESS.
 */
public final class BrokerHeartbeatHandler extends ImmediateHandler {

  private final RouteTables routes;

  public BrokerHeartbeatHandler(RouteTables routes) {
    this.routes = Objects.requireNonNull(routes, "routes");
  }

  @Override
  RemotingCommand answer(RemotingCommand request, RemotingChannel channel) {
    routes.touch(HeaderFields.required(request, "brokerAddr"));
    return success(request);
  }
}
