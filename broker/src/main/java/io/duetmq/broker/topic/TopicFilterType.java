package io.duetmq.broker.topic;

/** How a topic's messages carry tags, named as in RocketMQ's {@code topicFilterType}. */
public enum TopicFilterType {
  SINGLE_TAG,
  MULTI_TAG
}
