package io.duetmq.namesrv.handler;

import io.duetmq.namesrv.codec.NamesrvJsonEncoder;
import io.duetmq.namesrv.route.RouteTables;
import io.duetmq.namesrv.route.TopicList;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import java.util.Objects;

/** GET_ALL_TOPIC_LIST_FROM_NAMESERVER (206): no header; body {@code {"topicList":[...]}}. */
public final class GetAllTopicListHandler extends ImmediateHandler {

  private final RouteTables routes;

  public GetAllTopicListHandler(RouteTables routes) {
    this.routes = Objects.requireNonNull(routes, "routes");
  }

  @Override
  RemotingCommand answer(RemotingCommand request, RemotingChannel channel) {
    return success(request)
        .withBody(NamesrvJsonEncoder.topicList(new TopicList(routes.topics(), null)));
  }
}
