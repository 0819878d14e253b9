package io.duetmq.store.index;

/**
 * Geometry of the key-index files: how many hash slots and entries one file holds. Both values are
 * fixed per file (a file's size is derived from them), so changing them makes the existing files
 * unreadable; they are then dropped and rebuilt from the commit log. The {@code broker.conf} names
 * of these settings are {@code maxHashSlotNum} and {@code maxIndexNum}.
 *
 * @param maxHashSlots number of hash slots per file (RocketMQ default 5,000,000)
 * @param maxIndexCount number of 20-byte entries per file including the unused entry 0 (RocketMQ
 *     default 20,000,000)
 */
public record IndexConfig(int maxHashSlots, int maxIndexCount) {

  /** RocketMQ's default number of hash slots per index file. */
  public static final int DEFAULT_MAX_HASH_SLOTS = 5_000_000;

  /** RocketMQ's default number of entries per index file. */
  public static final int DEFAULT_MAX_INDEX_COUNT = 20_000_000;

  /** Validates that a file of this geometry can hold an entry and fits one mapping. */
  public IndexConfig {
    if (maxHashSlots <= 0) {
      throw new IllegalArgumentException("maxHashSlots must be > 0, got " + maxHashSlots);
    }
    // Entry 0 is the chain terminator, so a file needs at least two entries to hold anything.
    if (maxIndexCount < 2) {
      throw new IllegalArgumentException("maxIndexCount must be >= 2, got " + maxIndexCount);
    }
    long length = IndexFileDescriptor.fileLength(maxHashSlots, maxIndexCount);
    if (length > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "index file of maxHashSlots="
              + maxHashSlots
              + " and maxIndexCount="
              + maxIndexCount
              + " would be "
              + length
              + " bytes, more than one mapping can hold ("
              + Integer.MAX_VALUE
              + ")");
    }
  }

  /** The RocketMQ defaults: 5,000,000 slots and 20,000,000 entries (420,000,040-byte files). */
  public static IndexConfig defaults() {
    return new IndexConfig(DEFAULT_MAX_HASH_SLOTS, DEFAULT_MAX_INDEX_COUNT);
  }

  /** Size in bytes of one index file of this geometry. */
  public long fileLength() {
    return IndexFileDescriptor.fileLength(maxHashSlots, maxIndexCount);
  }
}
