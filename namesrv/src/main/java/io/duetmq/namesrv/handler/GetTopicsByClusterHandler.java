package io.duetmq.namesrv.handler;

import io.duetmq.namesrv.codec.NamesrvJsonEncoder;
import io.duetmq.namesrv.route.RouteTables;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import java.util.Objects;

/**
 * GET_TOPICS_BY_CLUSTER (224): header {@code cluster}; body {@code {"topicList":[...]}} of the
 * topics its broker groups serve (empty for an unknown cluster).
 */
public final class GetTopicsByClusterHandler extends ImmediateHandler {

  private final RouteTables routes;

  public GetTopicsByClusterHandler(RouteTables routes) {
    this.routes = Objects.requireNonNull(routes, "routes");
  }

  @Override
  RemotingCommand answer(RemotingCommand request, RemotingChannel channel) {
    String cluster = HeaderFields.required(request, "cluster");
    return success(request).withBody(NamesrvJsonEncoder.topicList(routes.topicsByCluster(cluster)));
  }
}
