package io.duetmq.store;

/**
 * Told when new records become readable in a queue (used to wake long polls). Called on the
 * dispatcher thread: it must return quickly and never block.
 */
@FunctionalInterface
public interface ArrivalListener {
  /**
   * @param topic the topic
   * @param queueId the queue
   * @param maxOffset the queue's new exclusive max logical offset
   */
  void onArrival(String topic, int queueId, long maxOffset);
}
