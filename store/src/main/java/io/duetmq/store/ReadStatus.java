package io.duetmq.store;

/**
 * The outcome of a queue read, named after RocketMQ's GetMessageStatus so that heads can map it one
 * to one.
 */
public enum ReadStatus {
  /** At least one record was returned. */
  FOUND,
  /** Entries exist at the offset but the filter rejected all that were scanned. */
  NO_MATCHED_MESSAGE,
  /** The queue's entries at the offset point at commit-log data that is no longer retained. */
  OFFSET_FOUND_NULL,
  /** The offset is below the queue's minimum. */
  OFFSET_TOO_SMALL,
  /** The offset equals the queue's maximum: nothing new yet. */
  OFFSET_OVERFLOW_ONE,
  /** The offset is beyond the queue's maximum. */
  OFFSET_OVERFLOW_BADLY,
  /** The queue exists but holds nothing. */
  NO_MESSAGE_IN_QUEUE,
  /** No such queue. */
  NO_MATCHED_LOGIC_QUEUE
}
