package io.duetmq.protocol.kafka.codec;

import java.util.HashMap;
import java.util.Map;

/**
 * Kafka error codes a broker of this kind returns (reference §6), with the "retriable" flag of the
 * Java client. The wire value is {@link #code()}. Codes not listed here can still be carried as
 * plain {@code short} values in message records.
 */
public enum ErrorCode {
  UNKNOWN_SERVER_ERROR(-1, false),
  NONE(0, false),
  OFFSET_OUT_OF_RANGE(1, false),
  CORRUPT_MESSAGE(2, true),
  UNKNOWN_TOPIC_OR_PARTITION(3, true),
  LEADER_NOT_AVAILABLE(5, true),
  NOT_LEADER_OR_FOLLOWER(6, true),
  REQUEST_TIMED_OUT(7, true),
  REPLICA_NOT_AVAILABLE(9, true),
  MESSAGE_TOO_LARGE(10, false),
  OFFSET_METADATA_TOO_LARGE(12, false),
  NETWORK_EXCEPTION(13, true),
  COORDINATOR_LOAD_IN_PROGRESS(14, true),
  COORDINATOR_NOT_AVAILABLE(15, true),
  NOT_COORDINATOR(16, true),
  INVALID_TOPIC_EXCEPTION(17, false),
  RECORD_LIST_TOO_LARGE(18, false),
  NOT_ENOUGH_REPLICAS(19, true),
  NOT_ENOUGH_REPLICAS_AFTER_APPEND(20, true),
  INVALID_REQUIRED_ACKS(21, false),
  ILLEGAL_GENERATION(22, false),
  INCONSISTENT_GROUP_PROTOCOL(23, false),
  INVALID_GROUP_ID(24, false),
  UNKNOWN_MEMBER_ID(25, false),
  INVALID_SESSION_TIMEOUT(26, false),
  REBALANCE_IN_PROGRESS(27, false),
  INVALID_COMMIT_OFFSET_SIZE(28, false),
  TOPIC_AUTHORIZATION_FAILED(29, false),
  GROUP_AUTHORIZATION_FAILED(30, false),
  CLUSTER_AUTHORIZATION_FAILED(31, false),
  INVALID_TIMESTAMP(32, false),
  UNSUPPORTED_SASL_MECHANISM(33, false),
  ILLEGAL_SASL_STATE(34, false),
  UNSUPPORTED_VERSION(35, false),
  TOPIC_ALREADY_EXISTS(36, false),
  INVALID_PARTITIONS(37, false),
  INVALID_REPLICATION_FACTOR(38, false),
  INVALID_REPLICA_ASSIGNMENT(39, false),
  INVALID_CONFIG(40, false),
  NOT_CONTROLLER(41, true),
  INVALID_REQUEST(42, false),
  UNSUPPORTED_FOR_MESSAGE_FORMAT(43, false),
  POLICY_VIOLATION(44, false),
  OUT_OF_ORDER_SEQUENCE_NUMBER(45, false),
  DUPLICATE_SEQUENCE_NUMBER(46, false),
  INVALID_PRODUCER_EPOCH(47, false),
  INVALID_TXN_STATE(48, false),
  INVALID_PRODUCER_ID_MAPPING(49, false),
  INVALID_TRANSACTION_TIMEOUT(50, false),
  CONCURRENT_TRANSACTIONS(51, true),
  TRANSACTION_COORDINATOR_FENCED(52, false),
  TRANSACTIONAL_ID_AUTHORIZATION_FAILED(53, false),
  OPERATION_NOT_ATTEMPTED(55, false),
  KAFKA_STORAGE_ERROR(56, true),
  SASL_AUTHENTICATION_FAILED(58, false),
  UNKNOWN_PRODUCER_ID(59, false),
  NON_EMPTY_GROUP(68, false),
  GROUP_ID_NOT_FOUND(69, false),
  FETCH_SESSION_ID_NOT_FOUND(70, true),
  INVALID_FETCH_SESSION_EPOCH(71, true),
  LISTENER_NOT_FOUND(72, true),
  TOPIC_DELETION_DISABLED(73, false),
  FENCED_LEADER_EPOCH(74, true),
  UNKNOWN_LEADER_EPOCH(75, true),
  UNSUPPORTED_COMPRESSION_TYPE(76, false),
  OFFSET_NOT_AVAILABLE(78, true),
  MEMBER_ID_REQUIRED(79, false),
  GROUP_MAX_SIZE_REACHED(81, false),
  FENCED_INSTANCE_ID(82, false),
  GROUP_SUBSCRIBED_TO_TOPIC(86, false),
  INVALID_RECORD(87, false),
  UNSTABLE_OFFSET_COMMIT(88, true),
  THROTTLING_QUOTA_EXCEEDED(89, true),
  PRODUCER_FENCED(90, false),
  UNKNOWN_TOPIC_ID(100, true),
  INCONSISTENT_TOPIC_ID(103, true),
  FETCH_SESSION_TOPIC_ID_ERROR(106, true),
  FENCED_MEMBER_EPOCH(110, false),
  UNRELEASED_INSTANCE_ID(111, false),
  UNSUPPORTED_ASSIGNOR(112, false),
  STALE_MEMBER_EPOCH(113, false),
  MISMATCHED_ENDPOINT_TYPE(114, false),
  UNSUPPORTED_ENDPOINT_TYPE(115, false),
  TRANSACTION_ABORTABLE(120, false),
  INVALID_REGULAR_EXPRESSION(128, false),
  REBOOTSTRAP_REQUIRED(129, false);

  private static final Map<Short, ErrorCode> BY_CODE = new HashMap<>();

  static {
    for (ErrorCode e : values()) {
      BY_CODE.put(e.code, e);
    }
  }

  private final short code;
  private final boolean retriable;

  ErrorCode(int code, boolean retriable) {
    this.code = (short) code;
    this.retriable = retriable;
  }

  public short code() {
    return code;
  }

  public boolean retriable() {
    return retriable;
  }

  /** The error for a wire code, or null if this table does not list it. */
  public static ErrorCode forCode(short code) {
    return BY_CODE.get(code);
  }
}
