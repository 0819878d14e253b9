package io.duetmq.store;

/**
 * The outcome of an append. Only {@link #PUT_OK} and {@link #FLUSH_DISK_TIMEOUT} mean the record is
 * in the log.
 */
public enum AppendStatus {
  /** Written (and flushed, when the store or the request asked to wait for it). */
  PUT_OK,
  /**
   * Written, but no fsync covered it within {@code syncFlushTimeoutMillis}; the data is still
   * stored.
   */
  FLUSH_DISK_TIMEOUT,
  /** The record is larger than {@code maxMessageSize} or a segment, or otherwise malformed. */
  MESSAGE_ILLEGAL,
  /** The properties string is longer than 32,767 bytes. */
  PROPERTIES_SIZE_EXCEEDED,
  /** The store is shut down, read-only after a fault, or out of disk; nothing was written. */
  SERVICE_NOT_AVAILABLE;

  /** Whether the record was written to the log. */
  public boolean isStored() {
    return this == PUT_OK || this == FLUSH_DISK_TIMEOUT;
  }
}
