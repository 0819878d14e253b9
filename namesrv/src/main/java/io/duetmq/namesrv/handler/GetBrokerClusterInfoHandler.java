package io.duetmq.namesrv.handler;

import io.duetmq.namesrv.codec.NamesrvJsonEncoder;
import io.duetmq.namesrv.codec.NamesrvJsonEncoder.Dialect;
import io.duetmq.namesrv.route.RouteTables;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import java.util.Objects;

/**
 * GET_BROKER_CLUSTER_INFO (106): no header; body {@code ClusterInfo} in the fastjson dialect (as a
 * real NameServer writes it), plus DuetMQ's {@code kafkaAddrTable} when brokers published Kafka
 * listeners.
 */
public final class GetBrokerClusterInfoHandler extends ImmediateHandler {

  private final RouteTables routes;

  public GetBrokerClusterInfoHandler(RouteTables routes) {
    this.routes = Objects.requireNonNull(routes, "routes");
  }

  @Override
  RemotingCommand answer(RemotingCommand request, RemotingChannel channel) {
    return success(request)
        .withBody(NamesrvJsonEncoder.clusterInfo(routes.clusterInfo(), Dialect.FASTJSON));
  }
}
