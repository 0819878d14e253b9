package io.duetmq.broker.message;

/**
 * The well-known property keys of RocketMQ messages (the names clients and brokers agree on; see
 * {@code reference/rocketmq-protocol.md} §3.1). Values are stored as text in the properties string.
 */
public final class MessagePropertyKeys {
  /** Business keys, separated by {@link #KEY_SEPARATOR}; indexed by the store. */
  public static final String KEYS = "KEYS";

  /** The single tag; its {@code String.hashCode()} is the consume-queue tags code. */
  public static final String TAGS = "TAGS";

  /** "false" lets the broker answer before flush/replication; absent means true. */
  public static final String WAIT = "WAIT";

  /** Delay level 1..n of a delayed message. */
  public static final String DELAY = "DELAY";

  /** The client-generated unique message id. */
  public static final String UNIQ_KEY = "UNIQ_KEY";

  /** Original topic of a retried message. */
  public static final String RETRY_TOPIC = "RETRY_TOPIC";

  /** Original topic of a message parked in a system topic (delay, timer, half message). */
  public static final String REAL_TOPIC = "REAL_TOPIC";

  /** Original queue id of a message parked in a system topic. */
  public static final String REAL_QID = "REAL_QID";

  /** "true" on transactional half messages. */
  public static final String TRAN_MSG = "TRAN_MSG";

  /** Producer group (transactions). */
  public static final String PGROUP = "PGROUP";

  /** Transaction id of a half message. */
  public static final String TRANSACTION_ID = "__transactionId__";

  /** Queue offset of the half message a commit/rollback refers to. */
  public static final String TRAN_PREPARED_QUEUE_OFFSET = "TRAN_PREPARED_QUEUE_OFFSET";

  /** How often the broker has asked the producer about a half message. */
  public static final String TRANSACTION_CHECK_TIMES = "TRANSACTION_CHECK_TIMES";

  /** Seconds before the first transaction check. */
  public static final String CHECK_IMMUNITY_TIME_IN_SECONDS = "CHECK_IMMUNITY_TIME_IN_SECONDS";

  /** Reconsume counter carried on client-side retry sends. */
  public static final String RECONSUME_TIME = "RECONSUME_TIME";

  /** The consumer's maximum reconsume count carried on client-side retry sends. */
  public static final String MAX_RECONSUME_TIMES = "MAX_RECONSUME_TIMES";

  /** Id of the first delivery of a retried message. */
  public static final String ORIGIN_MESSAGE_ID = "ORIGIN_MESSAGE_ID";

  /** Broker cluster name, added by the broker to every stored message. */
  public static final String CLUSTER = "CLUSTER";

  /** Queue min offset, added by the client after a pull (never stored). */
  public static final String MIN_OFFSET = "MIN_OFFSET";

  /** Queue max offset, added by the client after a pull (never stored). */
  public static final String MAX_OFFSET = "MAX_OFFSET";

  /** Trace region. */
  public static final String MSG_REGION = "MSG_REGION";

  /** Trace switch. */
  public static final String TRACE_ON = "TRACE_ON";

  /** Namespace instance. */
  public static final String INSTANCE_ID = "INSTANCE_ID";

  /** Request/reply: correlation id. */
  public static final String CORRELATION_ID = "CORRELATION_ID";

  /** Request/reply: the client to reply to. */
  public static final String REPLY_TO_CLIENT = "REPLY_TO_CLIENT";

  /** Request/reply: time to live. */
  public static final String TTL = "TTL";

  /** Request/reply: arrival time. */
  public static final String ARRIVE_TIME = "ARRIVE_TIME";

  /** Request/reply: reply push time. */
  public static final String PUSH_REPLY_TIME = "PUSH_REPLY_TIME";

  /** Request/reply: {@code reply} on reply messages. */
  public static final String MSG_TYPE = "MSG_TYPE";

  /** 5.x timer message: absolute deliver time in ms. */
  public static final String TIMER_DELIVER_MS = "TIMER_DELIVER_MS";

  /** 5.x timer message: relative delay in seconds. */
  public static final String TIMER_DELAY_SEC = "TIMER_DELAY_SEC";

  /** 5.x timer message: relative delay in ms. */
  public static final String TIMER_DELAY_MS = "TIMER_DELAY_MS";

  /** 5.x dead-letter bookkeeping: the original topic. */
  public static final String DLQ_ORIGIN_TOPIC = "DLQ_ORIGIN_TOPIC";

  /** 5.x dead-letter bookkeeping: the original message id. */
  public static final String DLQ_ORIGIN_MESSAGE_ID = "DLQ_ORIGIN_MESSAGE_ID";

  /** Ordered-message sharding key. */
  public static final String SHARDING_KEY = "__SHARDINGKEY";

  /** The separator between the business keys inside {@link #KEYS}. */
  public static final String KEY_SEPARATOR = " ";

  private MessagePropertyKeys() {}
}
