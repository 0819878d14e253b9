package io.duetmq.protocol.kafka.group;

/**
 * Runs a task once after a delay: the coordinator's only notion of time (session, rebalance and
 * initial-delay timers). Injected so that tests drive time by hand. Implementations must be
 * thread-safe; tasks may run on any thread but never on the caller's stack.
 */
@FunctionalInterface
public interface GroupScheduler {
  /**
   * Schedules {@code task} after {@code delayMillis}.
   *
   * @return cancels the task if it has not run yet
   */
  Runnable schedule(Runnable task, long delayMillis);
}
