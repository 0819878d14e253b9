package io.duetmq.store.log;

/**
 * Byte layout of one commit-log record, Apache RocketMQ's on-disk message format, shared by the
 * writer, the readers and recovery. All integers are big-endian.
 *
 * <pre>
 *  0        4        8        12       16       20               28               36       40
 *  +--------+--------+--------+--------+--------+----------------+----------------+--------+
 *  |TOTAL   |MAGIC   |BODYCRC |QUEUEID |FLAG    |QUEUEOFFSET     |PHYSICALOFFSET  |SYSFLAG |
 *  +--------+--------+--------+--------+--------+----------------+----------------+--------+
 *  40               48                  48+B1            56+B1               56+B1+B2
 *  +----------------+-------------------+----------------+-------------------+
 *  |BORNTIMESTAMP   |BORNHOST (B1=8|20) |STORETIMESTAMP  |STOREHOST (B2=8|20)|
 *  +----------------+-------------------+----------------+-------------------+
 *  +--------+----------------+--------+--------+-----------+-------+---------+----------+
 *  |RECONS. |PREPARED TX OFF |BODYLEN |BODY    |TOPICLEN   |TOPIC  |PROPLEN  |PROPERTIES|
 *  |int     |long            |int B   |B bytes |1 (V1)|2 V2|T bytes|short P  |P bytes   |
 *  +--------+----------------+--------+--------+-----------+-------+---------+----------+
 * </pre>
 *
 * <p>A host is a 4-byte IPv4 address and an int port (8 bytes), or a 16-byte IPv6 address and a
 * port (20 bytes) when the SYSFLAG bit {@link #SYSFLAG_BORNHOST_V6} or {@link
 * #SYSFLAG_STOREHOST_V6} is set. Magic {@link #MAGIC_V2} has a two-byte topic length (topics longer
 * than 127 bytes).
 *
 * <p>A segment that cannot hold the next record ends with an 8-byte BLANK header: {@code int
 * spaceLeft, int BLANK_MAGIC}; the rest of the segment is unused and the record starts the next
 * segment. A record never spans two segments.
 *
 * <p>DuetMQ extension: SYSFLAG bit {@link #SYSFLAG_MULTI_RECORD_BATCH} marks an opaque batch of
 * several logical records (a Kafka record batch); its FLAG field then holds the record count and
 * QUEUEOFFSET the first logical offset of the batch. RocketMQ never sets this bit.
 */
public final class CommitLogDescriptor {
  public static final int MAGIC_V1 = 0xDAA320A7;
  public static final int MAGIC_V2 = 0xDAA320AB;
  public static final int BLANK_MAGIC = 0xCBD43194;
  public static final int BLANK_HEADER_LENGTH = 8;

  public static final int TOTAL_SIZE_OFFSET = 0;
  public static final int MAGIC_OFFSET = 4;
  public static final int BODY_CRC_OFFSET = 8;
  public static final int QUEUE_ID_OFFSET = 12;
  public static final int FLAG_OFFSET = 16;
  public static final int QUEUE_OFFSET_OFFSET = 20;
  public static final int PHYSICAL_OFFSET_OFFSET = 28;
  public static final int SYSFLAG_OFFSET = 36;
  public static final int BORN_TIMESTAMP_OFFSET = 40;
  public static final int BORN_HOST_OFFSET = 48;

  public static final int SYSFLAG_COMPRESSED = 0x1;
  public static final int SYSFLAG_TRANSACTION_MASK = 0xC;
  public static final int SYSFLAG_TRANSACTION_PREPARED = 0x4;
  public static final int SYSFLAG_TRANSACTION_COMMIT = 0x8;
  public static final int SYSFLAG_TRANSACTION_ROLLBACK = 0xC;
  public static final int SYSFLAG_BORNHOST_V6 = 0x10;
  public static final int SYSFLAG_STOREHOST_V6 = 0x20;
  public static final int SYSFLAG_MULTI_RECORD_BATCH = 0x1_0000;

  public static final int MAX_TOPIC_LENGTH_V1 = 127;
  public static final int MAX_PROPERTIES_LENGTH = Short.MAX_VALUE;

  /** The smallest possible record: empty body, one-byte topic, no properties, IPv4 hosts. */
  public static final int MIN_RECORD_LENGTH = recordLength(0, 1, 0, false, false, false);

  private CommitLogDescriptor() {}

  public static int hostLength(boolean v6) {
    return v6 ? 20 : 8;
  }

  public static int storeTimestampOffset(int sysFlag) {
    return BORN_HOST_OFFSET + hostLength((sysFlag & SYSFLAG_BORNHOST_V6) != 0);
  }

  public static int storeHostOffset(int sysFlag) {
    return storeTimestampOffset(sysFlag) + 8;
  }

  public static int reconsumeTimesOffset(int sysFlag) {
    return storeHostOffset(sysFlag) + hostLength((sysFlag & SYSFLAG_STOREHOST_V6) != 0);
  }

  public static int preparedTransactionOffsetOffset(int sysFlag) {
    return reconsumeTimesOffset(sysFlag) + 4;
  }

  public static int bodyLengthOffset(int sysFlag) {
    return preparedTransactionOffsetOffset(sysFlag) + 8;
  }

  /** Whole record length in bytes for the given variable parts. */
  public static int recordLength(
      int bodyLength,
      int topicLength,
      int propertiesLength,
      boolean bornHostV6,
      boolean storeHostV6,
      boolean magicV2) {
    return 4 // TOTALSIZE
        + 4 // MAGICCODE
        + 4 // BODYCRC
        + 4 // QUEUEID
        + 4 // FLAG
        + 8 // QUEUEOFFSET
        + 8 // PHYSICALOFFSET
        + 4 // SYSFLAG
        + 8 // BORNTIMESTAMP
        + hostLength(bornHostV6)
        + 8 // STORETIMESTAMP
        + hostLength(storeHostV6)
        + 4 // RECONSUMETIMES
        + 8 // PREPARED TRANSACTION OFFSET
        + 4 // BODY LENGTH
        + bodyLength
        + (magicV2 ? 2 : 1)
        + topicLength
        + 2 // PROPERTIES LENGTH
        + propertiesLength;
  }

  /**
   * Whether this sysFlag marks a record that never enters a consume queue (transaction half or
   * rollback).
   */
  public static boolean isInvisibleTransactionRecord(int sysFlag) {
    int tx = sysFlag & SYSFLAG_TRANSACTION_MASK;
    return tx == SYSFLAG_TRANSACTION_PREPARED || tx == SYSFLAG_TRANSACTION_ROLLBACK;
  }

  /** The 20-digit zero-padded decimal file name of a segment that starts at {@code startOffset}. */
  public static String segmentFileName(long startOffset) {
    return String.format("%020d", startOffset);
  }
}
