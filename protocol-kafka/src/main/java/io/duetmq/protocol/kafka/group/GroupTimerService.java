package io.duetmq.protocol.kafka.group;

import java.lang.System.Logger.Level;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The production {@link GroupScheduler}: one daemon thread, {@code duetmq-kafka-group-timer}, that
 * runs the coordinator's timers. Tasks only take a group's lock briefly and complete futures, so
 * one thread serves every group. Thread-safe; {@link #close()} drops pending timers.
 */
public final class GroupTimerService implements GroupScheduler, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(GroupTimerService.class.getName());

  private final ScheduledThreadPoolExecutor executor;

  public GroupTimerService() {
    executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "duetmq-kafka-group-timer");
              t.setDaemon(true);
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
  }

  @Override
  public Runnable schedule(Runnable task, long delayMillis) {
    ScheduledFuture<?> future =
        executor.schedule(
            () -> {
              try {
                task.run();
              } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "group timer task failed", e);
              }
            },
            Math.max(0, delayMillis),
            TimeUnit.MILLISECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
