package io.duetmq.broker.poll;

/**
 * The outcome of {@link LongPollService#hold(PollRequest)}. Anything but {@link #HELD} means the
 * request was not taken and its callback will never run: the caller answers at once (RocketMQ:
 * PULL_NOT_FOUND; Kafka: an empty fetch).
 */
public enum HoldStatus {
  /** Held; the callback runs exactly once, on the wake executor. */
  HELD,
  /** One of the watched queues already holds {@code longPollMaxHeldPerQueue} requests. */
  QUEUE_LIMIT_REACHED,
  /** The service already holds {@code longPollMaxHeldTotal} requests. */
  TOTAL_LIMIT_REACHED,
  /** The service is closed. */
  SHUT_DOWN
}
