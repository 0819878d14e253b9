package io.duetmq.namesrv.route;

import java.util.List;
import java.util.Map;

/**
 * The answer to a route lookup: which broker groups serve a topic and where their members are.
 *
 * @param queueDatas one entry per broker group serving the topic, sorted by broker name
 * @param brokerDatas the groups named in {@code queueDatas}, sorted by broker name
 * @param filterServerTable broker address to filter-server addresses (usually empty)
 * @param orderTopicConf RocketMQ's {@code brokerName:queueNums;...} for ordered topics; nullable
 */
public record TopicRouteData(
    List<QueueData> queueDatas,
    List<BrokerData> brokerDatas,
    Map<String, List<String>> filterServerTable,
    String orderTopicConf) {

  public TopicRouteData {
    queueDatas = List.copyOf(queueDatas);
    brokerDatas = List.copyOf(brokerDatas);
    filterServerTable = Map.copyOf(filterServerTable);
  }

  /** Copy with an order-topic config. */
  public TopicRouteData withOrderTopicConf(String conf) {
    return new TopicRouteData(queueDatas, brokerDatas, filterServerTable, conf);
  }
}
