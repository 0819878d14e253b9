package io.duetmq.protocol.kafka.record;

import io.duetmq.protocol.kafka.codec.ErrorCode;

/**
 * Outcome of validating a records payload, with the Produce partition error Kafka answers for it
 * (reference §3.3, §4.6).
 */
public enum BatchValidationStatus {
  OK(ErrorCode.NONE),
  /** Truncated batch, impossible length, unknown magic, or CRC mismatch. */
  CORRUPT_MESSAGE(ErrorCode.CORRUPT_MESSAGE),
  /**
   * A well-formed batch that breaks a rule: no batch, several batches where one is required, bad
   * record count or offset delta, control batch from a client, inconsistent producer fields.
   */
  INVALID_RECORD(ErrorCode.INVALID_RECORD),
  /**
   * Magic 0 or 1 (legacy message sets). Kafka answers Produce v3+ with {@code INVALID_RECORD}
   * ("only allowed to contain record batches with magic version 2", §3.3); the status is distinct
   * so that a handler can choose {@code UNSUPPORTED_FOR_MESSAGE_FORMAT} where that fits better.
   */
  LEGACY_MAGIC(ErrorCode.INVALID_RECORD),
  /** A batch larger than {@link BatchValidationRules#maxBatchBytes()}. */
  MESSAGE_TOO_LARGE(ErrorCode.MESSAGE_TOO_LARGE),
  /** Compression id 5–7, or zstd where the rules forbid it (Produce below v7). */
  UNSUPPORTED_COMPRESSION_TYPE(ErrorCode.UNSUPPORTED_COMPRESSION_TYPE),
  /** A client batch already flagged LogAppendTime. */
  INVALID_TIMESTAMP(ErrorCode.INVALID_TIMESTAMP);

  private final ErrorCode errorCode;

  BatchValidationStatus(ErrorCode errorCode) {
    this.errorCode = errorCode;
  }

  /** The Produce partition error code Kafka returns for this outcome. */
  public ErrorCode errorCode() {
    return errorCode;
  }
}
