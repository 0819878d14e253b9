package io.duetmq.store;

/**
 * The read port of the store: queues by logical offset and records by physical offset. Thread-safe.
 */
public interface QueueReader {
  /**
   * Reads records of {@code (topic, queueId)} starting with the one that holds {@code offset}.
   *
   * @param maxBytes stop before exceeding this many bytes (the first record is returned even if
   *     larger)
   * @param maxRecords stop after this many commit-log records
   * @param filter which entries are wanted; rejected ones are skipped
   */
  QueueReadResult read(
      String topic,
      int queueId,
      long offset,
      int maxBytes,
      int maxRecords,
      QueueEntryFilter filter);

  /** The queue's minimum logical offset (0 for an unknown queue). */
  long minOffset(String topic, int queueId);

  /** The queue's exclusive maximum logical offset (0 for an unknown queue). */
  long maxOffset(String topic, int queueId);

  /** The first logical offset stored at or after {@code timestamp}, or the max offset if none. */
  long offsetForTimestamp(String topic, int queueId, long timestamp);

  /** Store timestamp of the record holding {@code offset}, or -1 if there is none. */
  long storeTimestampAt(String topic, int queueId, long offset);

  /** The record starting at {@code commitLogOffset}, or null when it is not readable. */
  StoredRecord lookup(long commitLogOffset);

  /** Registers a listener for new records in any queue. */
  void addArrivalListener(ArrivalListener listener);
}
