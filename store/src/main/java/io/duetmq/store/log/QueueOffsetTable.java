package io.duetmq.store.log;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The next logical offset of every queue, as the writer assigns them. Not thread-safe: owned by the
 * commit-log writer thread once the store has started (filled from the consume queues during
 * recovery, before that thread exists).
 */
public final class QueueOffsetTable {
  private final Map<String, long[]> nextOffsets = new HashMap<>();

  /** Takes {@code count} offsets from {@code (topic, queueId)} and returns the first. */
  public long claim(String topic, int queueId, int count) {
    long[] offsets = offsetsOf(topic, queueId);
    long first = offsets[queueId];
    offsets[queueId] = first + count;
    return first;
  }

  /** Sets the next offset of a queue (recovery). */
  public void set(String topic, int queueId, long next) {
    offsetsOf(topic, queueId)[queueId] = next;
  }

  /** Forgets a deleted topic, so that a topic of the same name starts again at offset 0. */
  public void remove(String topic) {
    nextOffsets.remove(topic);
  }

  private long[] offsetsOf(String topic, int queueId) {
    long[] offsets = nextOffsets.get(topic);
    if (offsets == null || offsets.length <= queueId) {
      long[] grown = offsets == null ? new long[queueId + 1] : Arrays.copyOf(offsets, queueId + 1);
      nextOffsets.put(topic, grown);
      return grown;
    }
    return offsets;
  }
}
