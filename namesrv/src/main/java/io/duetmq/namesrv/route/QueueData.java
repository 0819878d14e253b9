package io.duetmq.namesrv.route;

import java.util.Objects;

/**
 * How one broker group (by broker name) serves one topic.
 *
 * @param brokerName the broker group
 * @param readQueueNums queues 0..n-1 consumers read
 * @param writeQueueNums queues 0..n-1 producers write
 * @param perm permission bits, see {@link Perm}
 * @param topicSysFlag RocketMQ's unit flags (normally 0)
 */
public record QueueData(
    String brokerName, int readQueueNums, int writeQueueNums, int perm, int topicSysFlag) {

  public QueueData {
    Objects.requireNonNull(brokerName, "brokerName");
  }

  /** Copy with other permission bits. */
  public QueueData withPerm(int newPerm) {
    return new QueueData(brokerName, readQueueNums, writeQueueNums, newPerm, topicSysFlag);
  }
}
