package io.duetmq.broker.retry;

/** What happens to a message a consumer sent back. */
public enum RetryAction {
  /** Store it in the group's retry topic, delayed by the decision's level. */
  RETRY,
  /** Store it in the group's dead-letter topic, queue 0, without delay. */
  DEAD_LETTER,
  /** The group has no retry queues: answer success and store nothing. */
  DROP,
  /**
   * The request names an origin topic other than the stored message's (a stale offset): answer
   * SYSTEM_ERROR and store nothing.
   */
  TOPIC_MISMATCH
}
