package io.duetmq.protocol.kafka.topic;

import io.duetmq.protocol.kafka.codec.ErrorCode;

/** Outcome of a catalog change, with the Kafka error code the admin APIs answer for it. */
public enum CatalogStatus {
  OK(ErrorCode.NONE),
  TOPIC_ALREADY_EXISTS(ErrorCode.TOPIC_ALREADY_EXISTS),
  /** Name empty, "." or "..", longer than 249 chars, or chars outside {@code [a-zA-Z0-9._-]}. */
  INVALID_TOPIC(ErrorCode.INVALID_TOPIC_EXCEPTION),
  /** Partition count ≤ 0, or not above the current count when adding partitions. */
  INVALID_PARTITIONS(ErrorCode.INVALID_PARTITIONS),
  /** Unknown config name or a value of the wrong type. */
  INVALID_CONFIG(ErrorCode.INVALID_CONFIG),
  UNKNOWN_TOPIC(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);

  private final ErrorCode errorCode;

  CatalogStatus(ErrorCode errorCode) {
    this.errorCode = errorCode;
  }

  public ErrorCode errorCode() {
    return errorCode;
  }
}
