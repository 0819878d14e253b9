package io.duetmq.namesrv.route;

import java.util.Objects;

/**
 * The part of a broker's topic config the NameServer keeps (it becomes a {@link QueueData}).
 *
 * @param topicName the topic
 * @param readQueueNums queues consumers read
 * @param writeQueueNums queues producers write
 * @param perm permission bits, see {@link Perm}
 * @param topicSysFlag RocketMQ's unit flags (normally 0)
 */
public record TopicConfig(
    String topicName, int readQueueNums, int writeQueueNums, int perm, int topicSysFlag) {

  public TopicConfig {
    Objects.requireNonNull(topicName, "topicName");
  }

  /** The queue data this config gives {@code brokerName}. */
  public QueueData toQueueData(String brokerName) {
    return new QueueData(brokerName, readQueueNums, writeQueueNums, perm, topicSysFlag);
  }
}
