package io.duetmq.namesrv.handler;

import io.duetmq.namesrv.route.RouteTables;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import java.util.Objects;

/**
 * DELETE_TOPIC_IN_NAMESRV (216): header {@code topic}, optional {@code clusterName}. Without a
 * cluster the topic goes everywhere; with one, only that cluster's queue data. Needed because
 * registration never removes topics. Answers SUCCESS.
 */
public final class DeleteTopicInNamesrvHandler extends ImmediateHandler {

  private final RouteTables routes;

  public DeleteTopicInNamesrvHandler(RouteTables routes) {
    this.routes = Objects.requireNonNull(routes, "routes");
  }

  @Override
  RemotingCommand answer(RemotingCommand request, RemotingChannel channel) {
    String topic = HeaderFields.required(request, "topic");
    String clusterName = HeaderFields.optional(request, "clusterName");
    if (clusterName == null) {
      routes.deleteTopic(topic);
    } else {
      routes.deleteTopic(topic, clusterName);
    }
    return success(request);
  }
}
