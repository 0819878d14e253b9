package io.duetmq.broker.retry;

/**
 * Creates a group's retry and dead-letter topics on demand (the topic registry fulfils it). Must be
 * thread-safe and idempotent.
 */
public interface RetryTopics {
  /**
   * Makes sure {@code %RETRY%<group>} exists, with {@code queueNums} read and write queues and
   * permission read|write (6) when created.
   *
   * @return whether the topic exists and is writable (false: answer NO_PERMISSION)
   */
  boolean ensureRetryTopic(String group, int queueNums);

  /**
   * Makes sure {@code %DLQ%<group>} exists, with one queue and permission read|write (6) when
   * created.
   *
   * @return whether the topic exists and is writable
   */
  boolean ensureDlqTopic(String group);
}
