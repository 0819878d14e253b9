package io.duetmq.protocol.kafka.producer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The idempotent-producer state of one partition: per producer id the current epoch and the last
 * five batches (reference §5).
 *
 * <p>Thread-safety: every method except {@link #lock()} must be called with {@link #lock()} held.
 * The Produce handler holds it across {@link #check}, submitting the append to the store and {@link
 * #record} — and only that long, never until the append completes — so that the order in which
 * batches pass the sequence check is the order in which the store's single writer assigns their
 * offsets.
 */
public final class PartitionProducerState {
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<Long, ProducerStateEntry> producers = new HashMap<>();
  private final long expirationMillis;

  /**
   * @param expirationMillis a producer silent for this long is forgotten ({@code
   *     producer.id.expiration.ms})
   */
  public PartitionProducerState(long expirationMillis) {
    this.expirationMillis = expirationMillis;
  }

  /** The lock guarding this state. */
  public ReentrantLock lock() {
    return lock;
  }

  /** Applies the rules of reference §5 to a batch of producer {@code producerId}. */
  public SequenceVerdict check(
      long producerId, short epoch, int firstSequence, int lastSequence, long nowMillis) {
    assert lock.isHeldByCurrentThread();
    ProducerStateEntry entry = live(producerId, nowMillis);
    if (entry == null) {
      return SequenceVerdict.ACCEPT; // no state: any sequence is accepted (KIP-360)
    }
    if (epoch == entry.epoch()) {
      ProducerBatch cached = entry.find(firstSequence, lastSequence);
      if (cached != null) {
        return new SequenceVerdict(SequenceStatus.DUPLICATE, cached, null);
      }
    }
    if (epoch < entry.epoch()) {
      return SequenceVerdict.refused(
          SequenceStatus.FENCED_EPOCH,
          "Producer " + producerId + "'s epoch " + epoch + " is older than " + entry.epoch());
    }
    if (epoch > entry.epoch()) {
      return firstSequence == 0
          ? SequenceVerdict.ACCEPT
          : SequenceVerdict.refused(
              SequenceStatus.OUT_OF_ORDER_SEQUENCE,
              "Producer "
                  + producerId
                  + " bumped its epoch to "
                  + epoch
                  + " but its first sequence is "
                  + firstSequence
                  + ", not 0");
    }
    Integer last = entry.lastSequence();
    if (last == null) {
      return SequenceVerdict.ACCEPT;
    }
    int expected = last == Integer.MAX_VALUE ? 0 : last + 1;
    return firstSequence == expected
        ? SequenceVerdict.ACCEPT
        : SequenceVerdict.refused(
            SequenceStatus.OUT_OF_ORDER_SEQUENCE,
            "Out of order sequence number for producer "
                + producerId
                + " at epoch "
                + epoch
                + ": "
                + firstSequence
                + " (incoming seq. number), "
                + last
                + " (current end sequence number)");
  }

  /**
   * Remembers an accepted batch whose append was just submitted; returns it for {@link #forget}.
   */
  public ProducerBatch record(
      long producerId,
      short epoch,
      int firstSequence,
      int lastSequence,
      CompletableFuture<AppendOutcome> outcome,
      long nowMillis) {
    assert lock.isHeldByCurrentThread();
    ProducerStateEntry entry =
        producers.computeIfAbsent(producerId, id -> new ProducerStateEntry(epoch));
    ProducerBatch batch = new ProducerBatch(firstSequence, lastSequence, outcome);
    entry.add(epoch, batch, nowMillis);
    return batch;
  }

  /** Forgets a batch whose append failed, so that the producer's retry is not a "duplicate". */
  public void forget(long producerId, ProducerBatch batch) {
    assert lock.isHeldByCurrentThread();
    ProducerStateEntry entry = producers.get(producerId);
    if (entry != null) {
      entry.remove(batch);
    }
  }

  /** Replays a batch found in the log (start-up rebuild); later batches must come later. */
  public void restore(
      long producerId,
      short epoch,
      int firstSequence,
      int lastSequence,
      AppendOutcome outcome,
      long storeTimestamp) {
    assert lock.isHeldByCurrentThread();
    ProducerStateEntry entry = producers.get(producerId);
    if (entry != null && epoch < entry.epoch()) {
      return;
    }
    record(
        producerId,
        epoch,
        firstSequence,
        lastSequence,
        CompletableFuture.completedFuture(outcome),
        storeTimestamp);
  }

  /** Number of producers with state (expired ones may still be counted). */
  public int producerCount() {
    assert lock.isHeldByCurrentThread();
    return producers.size();
  }

  private ProducerStateEntry live(long producerId, long nowMillis) {
    ProducerStateEntry entry = producers.get(producerId);
    if (entry != null && nowMillis - entry.lastWriteMillis() > expirationMillis) {
      producers.remove(producerId);
      return null;
    }
    return entry;
  }
}
