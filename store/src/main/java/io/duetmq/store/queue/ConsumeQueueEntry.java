package io.duetmq.store.queue;

/**
 * A reusable holder for one consume-queue entry, filled by {@link ConsumeQueue#read(long,
 * ConsumeQueueEntry)} so that readers scan a queue without allocating.
 *
 * <p>Not thread-safe: each reader thread keeps its own instance. The values are copied out of the
 * mapped file, so they stay valid after the file is deleted.
 */
public final class ConsumeQueueEntry {

  private long entryNumber = -1;
  private long commitLogOffset;
  private int size;
  private long tagsCode;
  private long storeTimestamp;
  private long baseLogicalOffset;
  private int records;

  void set(
      long entryNumber,
      long commitLogOffset,
      int size,
      long tagsCode,
      long storeTimestamp,
      long baseLogicalOffset,
      int records) {
    this.entryNumber = entryNumber;
    this.commitLogOffset = commitLogOffset;
    this.size = size;
    this.tagsCode = tagsCode;
    this.storeTimestamp = storeTimestamp;
    this.baseLogicalOffset = baseLogicalOffset;
    this.records = records;
  }

  /** Number of this entry counted from the first entry the queue ever had; -1 before a read. */
  public long entryNumber() {
    return entryNumber;
  }

  public long commitLogOffset() {
    return commitLogOffset;
  }

  /** Size in bytes of the commit-log record. */
  public int size() {
    return size;
  }

  /** Commit-log offset just past the record. */
  public long commitLogEnd() {
    return commitLogOffset + size;
  }

  public long tagsCode() {
    return tagsCode;
  }

  public long storeTimestamp() {
    return storeTimestamp;
  }

  /** Logical offset of the first logical record of the commit-log record. */
  public long baseLogicalOffset() {
    return baseLogicalOffset;
  }

  /** Number of logical records (1 for a RocketMQ message, the batch count for a Kafka batch). */
  public int records() {
    return records;
  }

  /** Logical offset just past the last logical record of this entry. */
  public long nextLogicalOffset() {
    return baseLogicalOffset + records;
  }

  /** True if {@code logicalOffset} is one of the logical records of this entry. */
  public boolean contains(long logicalOffset) {
    return logicalOffset >= baseLogicalOffset && logicalOffset < baseLogicalOffset + records;
  }

  @Override
  public String toString() {
    return "ConsumeQueueEntry{entryNumber="
        + entryNumber
        + ", commitLogOffset="
        + commitLogOffset
        + ", size="
        + size
        + ", tagsCode="
        + tagsCode
        + ", storeTimestamp="
        + storeTimestamp
        + ", baseLogicalOffset="
        + baseLogicalOffset
        + ", records="
        + records
        + '}';
  }
}
