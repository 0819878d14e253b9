package io.duetmq.protocol.kafka.producer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * The state of one producer id on one partition: its current epoch and its last {@link
 * #CACHED_BATCHES} batches (oldest first). Not thread-safe: guarded by the lock of its {@link
 * PartitionProducerState}.
 */
final class ProducerStateEntry {
  /** How many batches per producer and partition are remembered (Kafka: 5 in flight). */
  static final int CACHED_BATCHES = 5;

  private short epoch;
  private final Deque<ProducerBatch> batches = new ArrayDeque<>(CACHED_BATCHES + 1);
  private long lastWriteMillis;

  ProducerStateEntry(short epoch) {
    this.epoch = epoch;
  }

  short epoch() {
    return epoch;
  }

  long lastWriteMillis() {
    return lastWriteMillis;
  }

  /** The cached batch with exactly these sequences, or null. */
  ProducerBatch find(int firstSequence, int lastSequence) {
    for (ProducerBatch batch : batches) {
      if (batch.firstSequence() == firstSequence && batch.lastSequence() == lastSequence) {
        return batch;
      }
    }
    return null;
  }

  /** Last sequence of the newest batch, or null when none is cached. */
  Integer lastSequence() {
    ProducerBatch last = batches.peekLast();
    return last == null ? null : last.lastSequence();
  }

  /** Remembers a batch; a higher epoch starts over. */
  void add(short batchEpoch, ProducerBatch batch, long nowMillis) {
    if (batchEpoch != epoch) {
      epoch = batchEpoch;
      batches.clear();
    }
    batches.addLast(batch);
    while (batches.size() > CACHED_BATCHES) {
      batches.removeFirst();
    }
    lastWriteMillis = Math.max(lastWriteMillis, nowMillis);
  }

  /** Forgets a batch whose append failed. */
  void remove(ProducerBatch batch) {
    for (Iterator<ProducerBatch> it = batches.iterator(); it.hasNext(); ) {
      if (it.next() == batch) {
        it.remove();
        return;
      }
    }
  }

  int size() {
    return batches.size();
  }
}
