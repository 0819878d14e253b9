package io.duetmq.protocol.kafka.record;

/**
 * Layout of a Kafka record batch header, message format v2 ("magic 2"), reference §4.1–4.2. All
 * integers big-endian.
 *
 * <pre>
 *   offset size  field
 *  +------+----+------------------------+
 *  |    0 |  8 | BaseOffset      int64  |  \
 *  |    8 |  4 | BatchLength     int32  |   |  not covered by the CRC: the broker
 *  |   12 |  4 | PartitionLeaderEpoch   |   |  rewrites BaseOffset and
 *  |   16 |  1 | Magic (2)       int8   |   |  PartitionLeaderEpoch freely
 *  |   17 |  4 | CRC (CRC-32C)  uint32  |  /
 *  |   21 |  2 | Attributes      int16  |  \
 *  |   23 |  4 | LastOffsetDelta int32  |   |
 *  |   27 |  8 | BaseTimestamp   int64  |   |
 *  |   35 |  8 | MaxTimestamp    int64  |   |  covered by the CRC,
 *  |   43 |  8 | ProducerId      int64  |   |  from byte 21 to the end
 *  |   51 |  2 | ProducerEpoch   int16  |   |  of the batch
 *  |   53 |  4 | BaseSequence    int32  |   |
 *  |   57 |  4 | RecordsCount    int32  |   |
 *  |   61 |  … | records (compressed   |   |
 *  |      |    |  as one stream, if)    |  /
 *  +------+----+------------------------+
 *  end of batch = 12 + BatchLength
 * </pre>
 *
 * <p>Consequences: the broker may rewrite {@code BaseOffset} and {@code PartitionLeaderEpoch}
 * without touching the CRC; changing {@code Attributes} or {@code MaxTimestamp} (LogAppendTime)
 * requires a new CRC. Total batch size = {@code BatchLength} + {@link #LOG_OVERHEAD}.
 *
 * <p>Attributes bits: 0–2 compression codec, 3 timestamp type (1 = LogAppendTime), 4 transactional,
 * 5 control batch, 6 has delete horizon, 7–15 unused.
 */
public final class RecordBatchDescriptor {
  private RecordBatchDescriptor() {}

  public static final int BASE_OFFSET_OFFSET = 0;
  public static final int BATCH_LENGTH_OFFSET = 8;
  public static final int PARTITION_LEADER_EPOCH_OFFSET = 12;
  public static final int MAGIC_OFFSET = 16;
  public static final int CRC_OFFSET = 17;
  public static final int ATTRIBUTES_OFFSET = 21;
  public static final int LAST_OFFSET_DELTA_OFFSET = 23;
  public static final int BASE_TIMESTAMP_OFFSET = 27;
  public static final int MAX_TIMESTAMP_OFFSET = 35;
  public static final int PRODUCER_ID_OFFSET = 43;
  public static final int PRODUCER_EPOCH_OFFSET = 51;
  public static final int BASE_SEQUENCE_OFFSET = 53;
  public static final int RECORDS_COUNT_OFFSET = 57;
  public static final int RECORDS_OFFSET = 61;

  /** Size of the batch header; the record area starts here. */
  public static final int HEADER_SIZE = RECORDS_OFFSET;

  /** BaseOffset + BatchLength: the bytes not counted by {@code BatchLength}. */
  public static final int LOG_OVERHEAD = 12;

  /** Bytes needed to read the magic byte, which sits at the same place in every format. */
  public static final int HEADER_SIZE_UP_TO_MAGIC = MAGIC_OFFSET + 1;

  /** Smallest legal {@code BatchLength}: a header with an empty record area. */
  public static final int MIN_BATCH_LENGTH = HEADER_SIZE - LOG_OVERHEAD;

  /** First byte covered by the CRC; coverage runs to the end of the batch. */
  public static final int CRC_COVERAGE_START = ATTRIBUTES_OFFSET;

  public static final byte MAGIC_V2 = 2;

  public static final int COMPRESSION_CODEC_MASK = 0x07;
  public static final int TIMESTAMP_TYPE_MASK = 0x08;
  public static final int TRANSACTIONAL_MASK = 0x10;
  public static final int CONTROL_MASK = 0x20;
  public static final int DELETE_HORIZON_MASK = 0x40;

  public static final long NO_PRODUCER_ID = -1L;
  public static final short NO_PRODUCER_EPOCH = -1;
  public static final int NO_SEQUENCE = -1;
  public static final int NO_PARTITION_LEADER_EPOCH = -1;
  public static final long NO_TIMESTAMP = -1L;

  /** Total size of a batch whose {@code BatchLength} field is {@code batchLength}. */
  public static long batchSize(int batchLength) {
    return (long) batchLength + LOG_OVERHEAD;
  }

  /** Number of bytes the CRC covers in a batch of {@code batchSize} bytes. */
  public static int crcCoveredLength(int batchSize) {
    return batchSize - CRC_COVERAGE_START;
  }
}
