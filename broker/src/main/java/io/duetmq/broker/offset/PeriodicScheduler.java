package io.duetmq.broker.offset;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task periodically; injected so that tests can run the task by hand instead of waiting.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface PeriodicScheduler {
  /** Never runs anything (tests, tools). */
  PeriodicScheduler NONE = (task, periodMillis) -> () -> {};

  /**
   * Runs {@code task} every {@code periodMillis}, first after one period.
   *
   * @return an action that stops further runs
   */
  Runnable schedule(Runnable task, long periodMillis);

  /** Schedules on {@code executor} with fixed delay; the executor stays owned by the caller. */
  static PeriodicScheduler of(ScheduledExecutorService executor) {
    return (task, periodMillis) -> {
      ScheduledFuture<?> future =
          executor.scheduleWithFixedDelay(task, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
      return () -> future.cancel(false);
    };
  }
}
