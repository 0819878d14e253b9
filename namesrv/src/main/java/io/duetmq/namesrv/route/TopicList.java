package io.duetmq.namesrv.route;

import java.util.List;

/**
 * A list of topic names, with an optional broker address (GET_SYSTEM_TOPIC_LIST_FROM_NS names one
 * broker that can be asked for the broker-side system topics).
 *
 * @param topics the names, sorted
 * @param brokerAddr nullable
 */
public record TopicList(List<String> topics, String brokerAddr) {

  public TopicList {
    topics = List.copyOf(topics);
  }
}
