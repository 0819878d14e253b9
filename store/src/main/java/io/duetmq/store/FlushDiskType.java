package io.duetmq.store;

/** When an append is acknowledged relative to fsync (RocketMQ's {@code flushDiskType}). */
public enum FlushDiskType {
  /** Acknowledge once the record is in the page cache; a background service flushes. */
  ASYNC_FLUSH,
  /**
   * Acknowledge once an fsync covers the record; concurrent appends share one fsync (group commit).
   */
  SYNC_FLUSH
}
