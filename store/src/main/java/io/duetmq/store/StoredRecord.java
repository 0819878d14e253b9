package io.duetmq.store;

import java.nio.ByteBuffer;

/**
 * One commit-log record as read: where it lies, what its consume-queue entry says, and its bytes.
 *
 * <p>Buffer ownership: {@code buffer} is a read-only view of the memory-mapped segment holding the
 * whole record (no copy was made). Nothing needs releasing; the view stays valid as long as it is
 * referenced, even if retention deletes the segment file meanwhile.
 *
 * @param commitLogOffset where the record starts in the commit log
 * @param size record length
 * @param baseOffset first logical offset of the record in its queue
 * @param recordCount logical records it holds (1 for a RocketMQ message)
 * @param tagsCode the tag hash from its consume-queue entry (0 when read by physical offset)
 * @param storeTimestamp store timestamp
 * @param buffer the record bytes, position 0, limit = size
 */
public record StoredRecord(
    long commitLogOffset,
    int size,
    long baseOffset,
    int recordCount,
    long tagsCode,
    long storeTimestamp,
    ByteBuffer buffer) {

  /** Logical offset one past the record's last one. */
  public long nextOffset() {
    return baseOffset + recordCount;
  }
}
