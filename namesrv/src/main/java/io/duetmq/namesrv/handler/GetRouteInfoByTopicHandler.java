package io.duetmq.namesrv.handler;

import io.duetmq.namesrv.codec.NamesrvJsonEncoder;
import io.duetmq.namesrv.codec.NamesrvJsonEncoder.Dialect;
import io.duetmq.namesrv.kv.KvConfigStore;
import io.duetmq.namesrv.route.RouteTables;
import io.duetmq.namesrv.route.TopicRouteData;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import java.util.Objects;
import java.util.Optional;

/**
 * GET_ROUTEINFO_BY_TOPIC (105): header {@code topic}, optional {@code acceptStandardJsonOnly}.
 * Answers the {@code TopicRouteData} JSON — standard JSON (quoted broker-id keys) when the
 * requester's version is at least 401 (RocketMQ 4.9.4) or it asks for standard JSON only, else the
 * fastjson dialect — or TOPIC_NOT_EXIST (17) with RocketMQ's remark.
 */
public final class GetRouteInfoByTopicHandler extends ImmediateHandler {

  /** Request version of RocketMQ 4.9.4, the first client that gets standard JSON. */
  static final int V4_9_4 = 401;

  /** RocketMQ's FAQ pointer appended to the not-found remark. */
  static final String FAQ_SUFFIX =
      "\nSee https://rocketmq.apache.org/docs/bestPractice/06FAQ for further details.";

  private final RouteTables routes;
  private final KvConfigStore kv;
  private final boolean orderMessageEnable;

  /**
   * @param orderMessageEnable add {@code orderTopicConf} from the ORDER_TOPIC_CONFIG KV namespace
   *     (RocketMQ's {@code orderMessageEnable}, default false)
   */
  public GetRouteInfoByTopicHandler(
      RouteTables routes, KvConfigStore kv, boolean orderMessageEnable) {
    this.routes = Objects.requireNonNull(routes, "routes");
    this.kv = Objects.requireNonNull(kv, "kv");
    this.orderMessageEnable = orderMessageEnable;
  }

  @Override
  RemotingCommand answer(RemotingCommand request, RemotingChannel channel) {
    String topic = HeaderFields.required(request, "topic");
    Optional<TopicRouteData> found = routes.topicRoute(topic);
    if (found.isEmpty()) {
      return RemotingCommand.responseTo(
          request,
          NamesrvResponseCode.TOPIC_NOT_EXIST,
          "No topic route info in name server for the topic: " + topic + FAQ_SUFFIX);
    }
    TopicRouteData route = found.get();
    if (orderMessageEnable) {
      route = route.withOrderTopicConf(kv.get(KvConfigStore.ORDER_TOPIC_CONFIG, topic));
    }
    boolean standard =
        request.version() >= V4_9_4
            || Boolean.TRUE.equals(HeaderFields.optionalBoolean(request, "acceptStandardJsonOnly"));
    byte[] body =
        NamesrvJsonEncoder.topicRouteData(route, standard ? Dialect.STANDARD : Dialect.FASTJSON);
    return success(request).withBody(body);
  }
}
