package io.duetmq.broker.topic;

import io.duetmq.broker.config.BrokerConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The topics a RocketMQ broker creates at start, so that tools that expect them behave (e.g. {@code
 * mqadmin topicStatus -c} reads the cluster-name topic). RocketMQ 5's pop, timer and broker-sync
 * topics ({@code rmq_sys_*}) and the 1024-queue {@code BenchmarkTest} are not created: DuetMQ has
 * no use for them and Kafka clients would list them.
 */
final class SystemTopics {
  private SystemTopics() {}

  static List<TopicConfig> of(BrokerConfig config) {
    List<TopicConfig> topics = new ArrayList<>();
    int rw = Permission.READ_WRITE;
    topics.add(TopicConfig.of(TopicNames.SELF_TEST_TOPIC, 1, rw));
    if (config.autoCreateTopicEnable()) {
      topics.add(
          TopicConfig.of(
              TopicNames.AUTO_CREATE_TOPIC,
              config.defaultTopicQueueNums(),
              rw | Permission.INHERIT));
    }
    topics.add(
        TopicConfig.of(
            config.brokerClusterName(),
            16,
            Permission.INHERIT | (config.clusterTopicEnable() ? rw : 0)));
    topics.add(
        TopicConfig.of(
            config.brokerName(), 1, Permission.INHERIT | (config.brokerTopicEnable() ? rw : 0)));
    topics.add(TopicConfig.of(TopicNames.OFFSET_MOVED_EVENT, 1, rw));
    topics.add(TopicConfig.of(TopicNames.SCHEDULE_TOPIC, 18, rw));
    topics.add(TopicConfig.of(config.brokerClusterName() + TopicNames.REPLY_TOPIC_SUFFIX, 1, rw));
    topics.add(TopicConfig.of(TopicNames.TRANS_HALF_TOPIC, 1, rw));
    topics.add(TopicConfig.of(TopicNames.TRANS_OP_HALF_TOPIC, 1, rw));
    return topics;
  }
}
