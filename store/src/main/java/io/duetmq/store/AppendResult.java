package io.duetmq.store;

/**
 * What an append produced.
 *
 * @param status the outcome; the other fields are meaningful only when {@link
 *     AppendStatus#isStored()}
 * @param physicalOffset commit-log offset of the record
 * @param size record length in bytes
 * @param queueOffset the first logical offset the record took in its queue
 * @param recordCount how many logical offsets it took
 * @param storeTimestamp the store timestamp written into the record
 */
public record AppendResult(
    AppendStatus status,
    long physicalOffset,
    int size,
    long queueOffset,
    int recordCount,
    long storeTimestamp) {

  /** A result for an append that wrote nothing. */
  public static AppendResult failed(AppendStatus status) {
    return new AppendResult(status, -1, 0, -1, 0, 0);
  }

  /** The same result with another status (a flush timeout of a stored record). */
  public AppendResult withStatus(AppendStatus newStatus) {
    return new AppendResult(
        newStatus, physicalOffset, size, queueOffset, recordCount, storeTimestamp);
  }
}
