package io.duetmq.protocol.kafka.producer;

import io.duetmq.protocol.kafka.codec.ErrorCode;

/** The verdict of the idempotence checks for one batch (reference §5). */
public enum SequenceStatus {
  /** Append it. */
  ACCEPT(ErrorCode.NONE),
  /** Same epoch and sequences as a cached batch: answer with that batch's original offset. */
  DUPLICATE(ErrorCode.NONE),
  /** A gap or an older sequence not in the cache, or a bumped epoch not starting at 0. */
  OUT_OF_ORDER_SEQUENCE(ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER),
  /** An epoch older than the producer's current one. */
  FENCED_EPOCH(ErrorCode.INVALID_PRODUCER_EPOCH);

  private final ErrorCode errorCode;

  SequenceStatus(ErrorCode errorCode) {
    this.errorCode = errorCode;
  }

  /** The Produce partition error for this verdict (NONE for ACCEPT and DUPLICATE). */
  public ErrorCode errorCode() {
    return errorCode;
  }
}
