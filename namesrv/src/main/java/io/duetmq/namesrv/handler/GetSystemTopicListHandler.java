package io.duetmq.namesrv.handler;

import io.duetmq.namesrv.codec.NamesrvJsonEncoder;
import io.duetmq.namesrv.route.RouteTables;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import java.util.Objects;

/**
 * GET_SYSTEM_TOPIC_LIST_FROM_NS (304): no header; body {@code {"brokerAddr":..,"topicList":[...]}}
 * listing cluster and broker names (brokers create topics named after them) and one broker to ask
 * for the rest.
 */
public final class GetSystemTopicListHandler extends ImmediateHandler {

  private final RouteTables routes;

  public GetSystemTopicListHandler(RouteTables routes) {
    this.routes = Objects.requireNonNull(routes, "routes");
  }

  @Override
  RemotingCommand answer(RemotingCommand request, RemotingChannel channel) {
    return success(request).withBody(NamesrvJsonEncoder.topicList(routes.systemTopicList()));
  }
}
