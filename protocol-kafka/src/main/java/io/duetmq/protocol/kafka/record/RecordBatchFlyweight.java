package io.duetmq.protocol.kafka.record;

import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.ATTRIBUTES_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.BASE_OFFSET_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.BASE_SEQUENCE_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.BASE_TIMESTAMP_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.BATCH_LENGTH_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.COMPRESSION_CODEC_MASK;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.CONTROL_MASK;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.CRC_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.DELETE_HORIZON_MASK;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.HEADER_SIZE;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.LAST_OFFSET_DELTA_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.LOG_OVERHEAD;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.MAGIC_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.MAX_TIMESTAMP_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.PARTITION_LEADER_EPOCH_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.PRODUCER_EPOCH_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.PRODUCER_ID_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.RECORDS_COUNT_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.TIMESTAMP_TYPE_MASK;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.TRANSACTIONAL_MASK;

import io.netty.buffer.ByteBuf;

/**
 * A view over one v2 record batch header inside a {@link ByteBuf} (layout: {@link
 * RecordBatchDescriptor}). Reads use absolute indexes and never move the buffer's reader or writer
 * index. Re-point it with {@link #wrap} to walk batches without allocating.
 *
 * <p>The flyweight does not check that the batch is well formed: wrap only batches the {@link
 * RecordBatchValidator} accepted (or that came from the log), or expect {@link
 * IndexOutOfBoundsException} from the buffer.
 *
 * <p>Not thread-safe (mutable cursor). Does not own the buffer: it never retains or releases it.
 */
public final class RecordBatchFlyweight {
  private ByteBuf buf;
  private int offset;

  /** Points this view at the batch starting at absolute index {@code offset} of {@code buf}. */
  public RecordBatchFlyweight wrap(ByteBuf buf, int offset) {
    this.buf = buf;
    this.offset = offset;
    return this;
  }

  /** The wrapped buffer. */
  public ByteBuf buffer() {
    return buf;
  }

  /** Absolute index of the batch's first byte in {@link #buffer()}. */
  public int offset() {
    return offset;
  }

  // ---- header fields ----

  public long baseOffset() {
    return buf.getLong(offset + BASE_OFFSET_OFFSET);
  }

  public int batchLength() {
    return buf.getInt(offset + BATCH_LENGTH_OFFSET);
  }

  /** Total bytes of this batch: {@code BatchLength} + 12. */
  public int sizeInBytes() {
    return batchLength() + LOG_OVERHEAD;
  }

  public int partitionLeaderEpoch() {
    return buf.getInt(offset + PARTITION_LEADER_EPOCH_OFFSET);
  }

  public byte magic() {
    return buf.getByte(offset + MAGIC_OFFSET);
  }

  /** The stored CRC as an unsigned 32-bit value. */
  public long crc() {
    return buf.getUnsignedInt(offset + CRC_OFFSET);
  }

  public short attributes() {
    return buf.getShort(offset + ATTRIBUTES_OFFSET);
  }

  public int lastOffsetDelta() {
    return buf.getInt(offset + LAST_OFFSET_DELTA_OFFSET);
  }

  /** Offset of the last record: {@code BaseOffset + LastOffsetDelta}. */
  public long lastOffset() {
    return baseOffset() + lastOffsetDelta();
  }

  public long baseTimestamp() {
    return buf.getLong(offset + BASE_TIMESTAMP_OFFSET);
  }

  public long maxTimestamp() {
    return buf.getLong(offset + MAX_TIMESTAMP_OFFSET);
  }

  public long producerId() {
    return buf.getLong(offset + PRODUCER_ID_OFFSET);
  }

  public short producerEpoch() {
    return buf.getShort(offset + PRODUCER_EPOCH_OFFSET);
  }

  public int baseSequence() {
    return buf.getInt(offset + BASE_SEQUENCE_OFFSET);
  }

  /** Sequence of the last record, wrapping from {@code Integer.MAX_VALUE} to 0 (§4.3). */
  public int lastSequence() {
    return lastSequence(baseSequence(), lastOffsetDelta());
  }

  public int recordsCount() {
    return buf.getInt(offset + RECORDS_COUNT_OFFSET);
  }

  // ---- attributes ----

  /** The codec, or null for the unassigned ids 5–7. */
  public CompressionCodec compression() {
    return CompressionCodec.forId(attributes() & COMPRESSION_CODEC_MASK);
  }

  public TimestampType timestampType() {
    return (attributes() & TIMESTAMP_TYPE_MASK) != 0
        ? TimestampType.LOG_APPEND_TIME
        : TimestampType.CREATE_TIME;
  }

  public boolean isTransactional() {
    return (attributes() & TRANSACTIONAL_MASK) != 0;
  }

  public boolean isControl() {
    return (attributes() & CONTROL_MASK) != 0;
  }

  public boolean hasDeleteHorizon() {
    return (attributes() & DELETE_HORIZON_MASK) != 0;
  }

  /** True if the batch carries a producer id (idempotent or transactional producer). */
  public boolean hasProducerId() {
    return producerId() > RecordBatchDescriptor.NO_PRODUCER_ID;
  }

  // ---- CRC ----

  /** CRC-32C computed over the covered range (byte 21 to the end of the batch). */
  public long computeCrc() {
    return Integer.toUnsignedLong(BatchCrc.compute(buf, offset, sizeInBytes()));
  }

  public boolean isCrcValid() {
    return computeCrc() == crc();
  }

  // ---- broker-written fields ----

  /** Writes the base offset; outside the CRC, so the CRC stays valid. */
  public RecordBatchFlyweight setBaseOffset(long baseOffset) {
    buf.setLong(offset + BASE_OFFSET_OFFSET, baseOffset);
    return this;
  }

  /** Writes the partition leader epoch; outside the CRC, so the CRC stays valid. */
  public RecordBatchFlyweight setPartitionLeaderEpoch(int epoch) {
    buf.setInt(offset + PARTITION_LEADER_EPOCH_OFFSET, epoch);
    return this;
  }

  /**
   * Turns the batch into a LogAppendTime batch stamped with {@code timestampMs} (reference §3.3):
   * sets attribute bit 3 and {@code MaxTimestamp}, then recomputes the CRC, since both fields lie
   * inside its coverage. Costs one pass over the batch; do it before the batch is handed to the
   * log, not in the store's patch step.
   */
  public RecordBatchFlyweight setLogAppendTime(long timestampMs) {
    buf.setShort(offset + ATTRIBUTES_OFFSET, attributes() | TIMESTAMP_TYPE_MASK);
    return setMaxTimestampAndCrc(timestampMs);
  }

  /** Writes {@code MaxTimestamp} and recomputes the CRC (the field is covered by it). */
  public RecordBatchFlyweight setMaxTimestampAndCrc(long maxTimestamp) {
    buf.setLong(offset + MAX_TIMESTAMP_OFFSET, maxTimestamp);
    buf.setInt(offset + CRC_OFFSET, BatchCrc.compute(buf, offset, sizeInBytes()));
    return this;
  }

  /** Last sequence of a batch: base sequence + delta, wrapping past Integer.MAX_VALUE to 0. */
  public static int lastSequence(int baseSequence, int lastOffsetDelta) {
    if (baseSequence < 0) {
      return baseSequence;
    }
    long last = (long) baseSequence + lastOffsetDelta;
    return (int) (last > Integer.MAX_VALUE ? last - Integer.MAX_VALUE - 1 : last);
  }

  @Override
  public String toString() {
    if (buf == null || buf.capacity() - offset < HEADER_SIZE) {
      return "RecordBatchFlyweight[unwrapped or short]";
    }
    return "RecordBatch[baseOffset="
        + baseOffset()
        + ", size="
        + sizeInBytes()
        + ", magic="
        + magic()
        + ", count="
        + recordsCount()
        + ", producerId="
        + producerId()
        + ", epoch="
        + producerEpoch()
        + ", baseSequence="
        + baseSequence()
        + ", attributes=0x"
        + Integer.toHexString(attributes() & 0xffff)
        + "]";
  }
}
