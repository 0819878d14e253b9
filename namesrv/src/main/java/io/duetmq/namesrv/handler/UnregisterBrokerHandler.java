package io.duetmq.namesrv.handler;

import io.duetmq.namesrv.route.RouteTables;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import java.util.Objects;

/**
 * UNREGISTER_BROKER (104): a broker's clean shutdown. Header {@code clusterName}, {@code
 * brokerAddr}, {@code brokerName}, {@code brokerId} (all required). Same effect as expiry; answers
 * SUCCESS (also for a broker that is not registered).
 */
public final class UnregisterBrokerHandler extends ImmediateHandler {

  private final RouteTables routes;

  public UnregisterBrokerHandler(RouteTables routes) {
    this.routes = Objects.requireNonNull(routes, "routes");
  }

  @Override
  RemotingCommand answer(RemotingCommand request, RemotingChannel channel) {
    String clusterName = HeaderFields.required(request, "clusterName");
    String brokerAddr = HeaderFields.required(request, "brokerAddr");
    String brokerName = HeaderFields.required(request, "brokerName");
    HeaderFields.requiredLong(request, "brokerId");
    routes.unregister(clusterName, brokerAddr, brokerName);
    return success(request);
  }
}
