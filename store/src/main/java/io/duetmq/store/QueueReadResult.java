package io.duetmq.store;

import java.util.List;

/**
 * What a queue read returned.
 *
 * @param status the outcome
 * @param records the records, in queue order (empty unless FOUND)
 * @param nextBeginOffset the offset the next read should start at
 * @param minOffset the queue's minimum logical offset at read time
 * @param maxOffset the queue's exclusive maximum logical offset at read time
 */
public record QueueReadResult(
    ReadStatus status,
    List<StoredRecord> records,
    long nextBeginOffset,
    long minOffset,
    long maxOffset) {

  /** Total bytes of all records. */
  public long totalBytes() {
    long total = 0;
    for (StoredRecord record : records) {
      total += record.size();
    }
    return total;
  }
}
