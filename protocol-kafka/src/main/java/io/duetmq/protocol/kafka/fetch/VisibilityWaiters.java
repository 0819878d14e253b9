package io.duetmq.protocol.kafka.fetch;

import io.duetmq.protocol.kafka.topic.TopicPartition;
import io.duetmq.store.ArrivalListener;
import io.duetmq.store.QueueReader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;

/**
 * Waits until appended records are readable. The store acknowledges an append once it is written
 * (and flushed, if asked), but its consume queue — and so the partition's high watermark — grows a
 * moment later on the dispatcher thread. Kafka answers a produce only when the high watermark
 * covers the batch, so that a client that got its ack can list and fetch it at once; the Produce
 * path waits here for that. A store arrival listener; completions run on the given executor, never
 * on the dispatcher thread.
 *
 * <p>Thread-safe.
 */
public final class VisibilityWaiters implements ArrivalListener {
  private final QueueReader reader;
  private final Executor executor;
  private final ConcurrentMap<TopicPartition, Set<Waiter>> waiting = new ConcurrentHashMap<>();

  public VisibilityWaiters(QueueReader reader, Executor executor) {
    this.reader = reader;
    this.executor = executor;
  }

  /** Completes once {@code partition}'s max offset is at least {@code endOffset}. */
  public CompletableFuture<Void> await(TopicPartition partition, long endOffset) {
    if (reader.maxOffset(partition.topic(), partition.partition()) >= endOffset) {
      return CompletableFuture.completedFuture(null);
    }
    Waiter waiter = new Waiter(endOffset);
    waiting.computeIfAbsent(partition, k -> ConcurrentHashMap.newKeySet()).add(waiter);
    // the dispatcher may have moved on between the check above and registering
    long max = reader.maxOffset(partition.topic(), partition.partition());
    if (max >= endOffset) {
      release(partition, max);
    }
    return waiter.future;
  }

  @Override
  public void onArrival(String topic, int queueId, long maxOffset) {
    TopicPartition tp = new TopicPartition(topic, queueId);
    Set<Waiter> waiters = waiting.get(tp);
    if (waiters != null && !waiters.isEmpty()) {
      release(tp, maxOffset);
    }
  }

  /** Number of waiting appends (for tests). */
  public int waiting() {
    return waiting.values().stream().mapToInt(Set::size).sum();
  }

  private void release(TopicPartition tp, long maxOffset) {
    Set<Waiter> waiters = waiting.get(tp);
    if (waiters == null) {
      return;
    }
    for (Waiter waiter : waiters) {
      if (waiter.endOffset <= maxOffset && waiters.remove(waiter)) {
        try {
          executor.execute(() -> waiter.future.complete(null));
        } catch (RuntimeException rejected) {
          waiter.future.complete(null);
        }
      }
    }
  }

  private static final class Waiter {
    final long endOffset;
    final CompletableFuture<Void> future = new CompletableFuture<>();

    Waiter(long endOffset) {
      this.endOffset = endOffset;
    }
  }
}
