package io.duetmq.protocol.kafka.fetch;

import io.duetmq.protocol.kafka.topic.TopicPartition;
import io.duetmq.store.ArrivalListener;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Long poll for Fetch: parks a fetch until one of its partitions receives data or its wait expires,
 * then wakes it on this service's own thread ({@code duetmq-kafka-delayed-fetch}), never on a
 * network event loop or the store's dispatcher. It is the store's one {@link ArrivalListener} for
 * the Kafka head and keeps the waiting fetches per partition.
 *
 * <p>Thread-safe. {@link #close()} wakes every parked fetch and stops the thread.
 */
public final class DelayedFetchService implements ArrivalListener, AutoCloseable {
  private final ScheduledThreadPoolExecutor executor;
  private final ConcurrentMap<TopicPartition, Set<Waiter>> waiting = new ConcurrentHashMap<>();

  public DelayedFetchService() {
    executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "duetmq-kafka-delayed-fetch");
              t.setDaemon(true);
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
  }

  /** The service's thread, for work that follows a wake-up. */
  public Executor executor() {
    return executor;
  }

  /**
   * Parks until data arrives in one of {@code partitions} or {@code waitMillis} pass. The future
   * completes on the service thread with true for an arrival, false for the timeout.
   *
   * @param alreadyAvailable checked after the fetch is parked, so that data that arrived between
   *     the caller's read and parking wakes it at once
   */
  public CompletableFuture<Boolean> await(
      Collection<TopicPartition> partitions, long waitMillis, BooleanSupplier alreadyAvailable) {
    Waiter waiter = new Waiter(List.copyOf(partitions));
    for (TopicPartition tp : waiter.partitions) {
      waiting.computeIfAbsent(tp, k -> ConcurrentHashMap.newKeySet()).add(waiter);
    }
    if (executor.isShutdown()) {
      waiter.fire(false);
      return waiter.result;
    }
    waiter.timeout = executor.schedule(() -> waiter.fire(false), waitMillis, TimeUnit.MILLISECONDS);
    if (alreadyAvailable.getAsBoolean()) {
      waiter.fire(true);
    }
    return waiter.result;
  }

  @Override
  public void onArrival(String topic, int queueId, long maxOffset) {
    Set<Waiter> waiters = waiting.get(new TopicPartition(topic, queueId));
    if (waiters != null && !waiters.isEmpty()) {
      for (Waiter waiter : waiters) {
        waiter.fire(true);
      }
    }
  }

  /** Number of parked fetches (for tests and metrics). */
  public int parked() {
    return (int) waiting.values().stream().flatMap(Set::stream).distinct().count();
  }

  @Override
  public void close() {
    executor.shutdownNow();
    for (Set<Waiter> waiters : waiting.values()) {
      for (Waiter waiter : waiters) {
        waiter.complete(false);
      }
    }
  }

  private final class Waiter {
    final List<TopicPartition> partitions;
    final CompletableFuture<Boolean> result = new CompletableFuture<>();
    final AtomicBoolean fired = new AtomicBoolean();
    volatile ScheduledFuture<?> timeout;

    Waiter(List<TopicPartition> partitions) {
      this.partitions = partitions;
    }

    void fire(boolean arrived) {
      if (!fired.compareAndSet(false, true)) {
        return;
      }
      ScheduledFuture<?> scheduled = timeout;
      if (arrived && scheduled != null) {
        scheduled.cancel(false);
      }
      try {
        executor.execute(() -> complete(arrived));
      } catch (RuntimeException rejected) {
        complete(false);
      }
    }

    void complete(boolean arrived) {
      for (TopicPartition tp : partitions) {
        waiting.computeIfPresent(
            tp,
            (k, set) -> {
              set.remove(this);
              return set.isEmpty() ? null : set;
            });
      }
      result.complete(arrived);
    }
  }
}
