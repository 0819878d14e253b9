package io.duetmq.store.index;

/**
 * Byte layout of one index file, identical to RocketMQ's IndexFile (all numbers big-endian).
 *
 * <pre>
 * file:
 * +----------------+----------------------------------+--------------------------------------------+
 * | header         | hash slots                       | entries                                    |
 * | 40 bytes       | maxHashSlots x 4 bytes           | maxIndexCount x 20 bytes (entry 0 unused)  |
 * +----------------+----------------------------------+--------------------------------------------+
 * 0                40                                 40 + 4 * maxHashSlots
 *
 * header:
 *  0                8                16               24               32              36           40
 * +----------------+----------------+----------------+----------------+---------------+------------+
 * | beginTimestamp | endTimestamp   | beginPhyOffset | endPhyOffset   | hashSlotCount | indexCount |
 * | long (ms)      | long (ms)      | long           | long           | int           | int        |
 * +----------------+----------------+----------------+----------------+---------------+------------+
 *
 * hash slot s (at 40 + 4 * s), s = keyHash % maxHashSlots:
 * +---------------------------------------------+
 * | number of the newest entry of s (0 = empty) |
 * +---------------------------------------------+
 *
 * entry k (at 40 + 4 * maxHashSlots + 20 * k), 1 <= k < indexCount:
 *  0          4                    12                 16                20
 * +----------+--------------------+------------------+-----------------+
 * | keyHash  | commitLogOffset    | timeDiff         | previousEntry   |
 * | int      | long               | int, seconds     | int, 0 = end    |
 * |          |                    | since beginTs    | of the chain    |
 * +----------+--------------------+------------------+-----------------+
 * </pre>
 *
 * <p>Every entry of a slot links to the previous (older) entry of the same slot, so a chain is
 * walked newest to oldest and entry numbers strictly decrease along it. {@code keyHash =
 * abs(key.hashCode())} with {@code Integer.MIN_VALUE} mapped to 0; different keys may share a hash,
 * so a match is only a candidate.
 *
 * <p>Stateless; all members are constants or pure functions.
 */
final class IndexFileDescriptor {

  static final int HEADER_LENGTH = 40;
  static final int BEGIN_TIMESTAMP_OFFSET = 0;
  static final int END_TIMESTAMP_OFFSET = 8;
  static final int BEGIN_PHY_OFFSET_OFFSET = 16;
  static final int END_PHY_OFFSET_OFFSET = 24;
  static final int HASH_SLOT_COUNT_OFFSET = 32;
  static final int INDEX_COUNT_OFFSET = 36;

  static final int SLOT_LENGTH = 4;

  static final int ENTRY_LENGTH = 20;
  static final int ENTRY_KEY_HASH_OFFSET = 0;
  static final int ENTRY_COMMIT_LOG_OFFSET_OFFSET = 4;
  static final int ENTRY_TIME_DIFF_OFFSET = 12;
  static final int ENTRY_PREVIOUS_OFFSET = 16;

  /** Slot value and "previous entry" value meaning "no entry"; also why entry 0 is never used. */
  static final int NO_ENTRY = 0;

  /** The first entry number a new file hands out (the header's initial indexCount). */
  static final int FIRST_ENTRY = 1;

  private IndexFileDescriptor() {}

  /** Size in bytes of a file with the given geometry. */
  static long fileLength(int maxHashSlots, int maxIndexCount) {
    return HEADER_LENGTH + (long) maxHashSlots * SLOT_LENGTH + (long) maxIndexCount * ENTRY_LENGTH;
  }

  /**
   * Position of hash slot {@code slot}; valid for files whose length fits an int (see {@link
   * IndexConfig}).
   */
  static int slotPosition(int slot) {
    return HEADER_LENGTH + slot * SLOT_LENGTH;
  }

  /** Position of entry number {@code entry} in a file with {@code maxHashSlots} slots. */
  static int entryPosition(int maxHashSlots, int entry) {
    return HEADER_LENGTH + maxHashSlots * SLOT_LENGTH + entry * ENTRY_LENGTH;
  }

  /**
   * RocketMQ's key hash: {@code abs(hashCode)}, with {@code Integer.MIN_VALUE} (whose abs is
   * negative) as 0.
   */
  static int keyHash(String key) {
    int hash = Math.abs(key.hashCode());
    return hash < 0 ? 0 : hash;
  }

  /** The slot a (non-negative) key hash lives in. */
  static int slotOf(int keyHash, int maxHashSlots) {
    return keyHash % maxHashSlots;
  }
}
