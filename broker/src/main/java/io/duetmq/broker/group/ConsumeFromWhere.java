package io.duetmq.broker.group;

/** Where a consumer without a committed offset starts, as sent in RocketMQ heartbeats. */
public enum ConsumeFromWhere {
  CONSUME_FROM_LAST_OFFSET,
  CONSUME_FROM_FIRST_OFFSET,
  CONSUME_FROM_TIMESTAMP,
  /** Deprecated by RocketMQ; clients treat it like {@link #CONSUME_FROM_LAST_OFFSET}. */
  CONSUME_FROM_LAST_OFFSET_AND_FROM_MIN_WHEN_BOOT_FIRST,
  /** Deprecated by RocketMQ; clients treat it like {@link #CONSUME_FROM_LAST_OFFSET}. */
  CONSUME_FROM_MIN_OFFSET,
  /** Deprecated by RocketMQ; clients treat it like {@link #CONSUME_FROM_LAST_OFFSET}. */
  CONSUME_FROM_MAX_OFFSET
}
