package io.duetmq.protocol.kafka.record;

/** The timestamp type of a record batch: attribute bit 3 (reference §4.2). */
public enum TimestampType {
  /** Record timestamps were set by the producer. */
  CREATE_TIME,
  /** The broker stamped the batch; every record's timestamp is the batch {@code MaxTimestamp}. */
  LOG_APPEND_TIME
}
