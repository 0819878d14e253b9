package io.duetmq.broker.retry;

/**
 * The consumer-group settings the retry decision needs (the group registry fulfils it). Must be
 * thread-safe; callers check that the group exists before asking.
 */
public interface RetryPolicySource {
  /** The group's {@code retryMaxTimes} (16 by default). */
  int maxReconsumeTimes(String group);

  /** The group's {@code retryQueueNums} (1 by default); 0 or less drops sent-back messages. */
  int retryQueueNums(String group);
}
