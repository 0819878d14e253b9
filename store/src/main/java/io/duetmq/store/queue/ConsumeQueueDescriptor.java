package io.duetmq.store.queue;

import java.nio.ByteBuffer;

/**
 * Layout of a consume-queue entry and of consume-queue file names.
 *
 * <p>One entry (40 bytes, big-endian) covers one commit-log record, which holds {@code records}
 * logical records with the dense logical offsets {@code [baseLogicalOffset, baseLogicalOffset +
 * records)}: a RocketMQ message takes one offset, a Kafka batch of K records takes K.
 *
 * <pre>
 *  0                8        12               20               28               36       40
 *  +----------------+--------+----------------+----------------+----------------+--------+
 *  | commitLogOffset| size   | tagsCode       | storeTimestamp | baseLogicalOff | records|
 *  +----------------+--------+----------------+----------------+----------------+--------+
 *    long             int      long             long             long             int
 * </pre>
 *
 * <p>An entry whose {@code size} is 0 (a fresh file is all zeros) marks the end of the written data
 * of a file.
 *
 * <p>Files live at {@code <rootDir>/<topic>/<queueId>/<name>} where the name is the byte offset, in
 * the queue's entry stream, of the file's first entry, written as 20 zero-padded decimal digits.
 * Every file holds {@code entriesPerFile} entries and is created at its full size. Entry number
 * {@code n} (counted from the first entry the queue ever had) lives in file {@code n /
 * entriesPerFile} at slot {@code n % entriesPerFile}; deleting head files does not renumber the
 * remaining entries.
 *
 * <p>Stateless; thread-safe.
 */
public final class ConsumeQueueDescriptor {

  /** Length of one entry in bytes. */
  public static final int ENTRY_LENGTH = 40;

  /** Offset of the commit-log offset (long) of the record. */
  public static final int COMMIT_LOG_OFFSET_OFFSET = 0;

  /** Offset of the size in bytes (int) of the commit-log record; 0 marks the end of data. */
  public static final int SIZE_OFFSET = 8;

  /** Offset of the tag hash (long) used for server-side tag filtering. */
  public static final int TAGS_CODE_OFFSET = 12;

  /** Offset of the store timestamp (long, epoch millis) of the record. */
  public static final int STORE_TIMESTAMP_OFFSET = 20;

  /** Offset of the logical offset (long) of the record's first logical record. */
  public static final int BASE_LOGICAL_OFFSET_OFFSET = 28;

  /** Offset of the number of logical records (int, at least 1) the record holds. */
  public static final int RECORDS_OFFSET = 36;

  /** Default number of entries per file: 300,000 entries make a 12,000,000-byte file. */
  public static final int DEFAULT_ENTRIES_PER_FILE = 300_000;

  /** Largest number of entries per file that keeps a file within one mapped buffer. */
  public static final int MAX_ENTRIES_PER_FILE = Integer.MAX_VALUE / ENTRY_LENGTH;

  /** Length of a file name: the zero-padded decimal byte offset of the file's first entry. */
  public static final int FILE_NAME_LENGTH = 20;

  private ConsumeQueueDescriptor() {}

  /**
   * Size in bytes of one file.
   *
   * @throws IllegalArgumentException if {@code entriesPerFile} is not in [1, {@link
   *     #MAX_ENTRIES_PER_FILE}]
   */
  public static int fileSize(int entriesPerFile) {
    if (entriesPerFile < 1 || entriesPerFile > MAX_ENTRIES_PER_FILE) {
      throw new IllegalArgumentException(
          "entriesPerFile must be in [1, " + MAX_ENTRIES_PER_FILE + "]: " + entriesPerFile);
    }
    return entriesPerFile * ENTRY_LENGTH;
  }

  /** Byte offset in the queue's entry stream of the first entry of file {@code fileIndex}. */
  public static long fileStartOffset(long fileIndex, int entriesPerFile) {
    return Math.multiplyExact(fileIndex, (long) fileSize(entriesPerFile));
  }

  /**
   * Name of the file whose first entry sits at {@code startOffset} bytes in the entry stream.
   *
   * @throws IllegalArgumentException if {@code startOffset} is negative
   */
  public static String fileName(long startOffset) {
    if (startOffset < 0) {
      throw new IllegalArgumentException("file start offset must be >= 0: " + startOffset);
    }
    return String.format("%020d", startOffset);
  }

  /**
   * Parses a file name written by {@link #fileName(long)}.
   *
   * @return the start offset, or -1 if {@code name} is not exactly 20 decimal digits of a value
   *     that fits a long
   */
  public static long parseFileName(String name) {
    if (name.length() != FILE_NAME_LENGTH) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < FILE_NAME_LENGTH; i++) {
      int digit = name.charAt(i) - '0';
      if (digit < 0 || digit > 9 || value > (Long.MAX_VALUE - digit) / 10) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  /** Position in its file of the entry at {@code slot}. */
  public static int slotPosition(int slot) {
    return slot * ENTRY_LENGTH;
  }

  static void putEntry(
      ByteBuffer buffer,
      int position,
      long commitLogOffset,
      int size,
      long tagsCode,
      long storeTimestamp,
      long baseLogicalOffset,
      int records) {
    buffer.putLong(position + COMMIT_LOG_OFFSET_OFFSET, commitLogOffset);
    buffer.putInt(position + SIZE_OFFSET, size);
    buffer.putLong(position + TAGS_CODE_OFFSET, tagsCode);
    buffer.putLong(position + STORE_TIMESTAMP_OFFSET, storeTimestamp);
    buffer.putLong(position + BASE_LOGICAL_OFFSET_OFFSET, baseLogicalOffset);
    buffer.putInt(position + RECORDS_OFFSET, records);
  }

  static long commitLogOffset(ByteBuffer buffer, int position) {
    return buffer.getLong(position + COMMIT_LOG_OFFSET_OFFSET);
  }

  static int size(ByteBuffer buffer, int position) {
    return buffer.getInt(position + SIZE_OFFSET);
  }

  static long tagsCode(ByteBuffer buffer, int position) {
    return buffer.getLong(position + TAGS_CODE_OFFSET);
  }

  static long storeTimestamp(ByteBuffer buffer, int position) {
    return buffer.getLong(position + STORE_TIMESTAMP_OFFSET);
  }

  static long baseLogicalOffset(ByteBuffer buffer, int position) {
    return buffer.getLong(position + BASE_LOGICAL_OFFSET_OFFSET);
  }

  static int records(ByteBuffer buffer, int position) {
    return buffer.getInt(position + RECORDS_OFFSET);
  }

  /** True if all 40 bytes of the entry at {@code position} are zero. */
  static boolean isZero(ByteBuffer buffer, int position) {
    return buffer.getLong(position) == 0
        && buffer.getLong(position + 8) == 0
        && buffer.getLong(position + 16) == 0
        && buffer.getLong(position + 24) == 0
        && buffer.getLong(position + 32) == 0;
  }

  static void zero(ByteBuffer buffer, int position) {
    for (int i = 0; i < ENTRY_LENGTH; i += Long.BYTES) {
      buffer.putLong(position + i, 0L);
    }
  }

  /**
   * Why an entry cannot follow the previous one, or null if it can.
   *
   * <p>Logical offsets may jump forward (a gap the dispatcher accepted with a warning) but never go
   * back; commit-log offsets strictly increase.
   *
   * @param previousCommitLogOffset commit-log offset of the previous entry, or -1 if none
   * @param expectedBase base + records of the previous entry, or 0 if none
   */
  static String invalidReason(
      long previousCommitLogOffset,
      long expectedBase,
      long commitLogOffset,
      int size,
      long baseLogicalOffset,
      int records) {
    if (size <= 0) {
      return "size " + size + " <= 0";
    }
    if (records < 1) {
      return "records " + records + " < 1";
    }
    if (commitLogOffset < 0 || commitLogOffset <= previousCommitLogOffset) {
      return "commitLogOffset " + commitLogOffset + " not after " + previousCommitLogOffset;
    }
    if (baseLogicalOffset < expectedBase) {
      return "baseLogicalOffset " + baseLogicalOffset + " < expected " + expectedBase;
    }
    if (baseLogicalOffset + records < baseLogicalOffset) {
      return "baseLogicalOffset " + baseLogicalOffset + " + records " + records + " overflows";
    }
    return null;
  }
}
