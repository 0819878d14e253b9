package io.duetmq.protocol.kafka.record;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.ControlRecordType;
import org.apache.kafka.common.record.EndTransactionMarker;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.MemoryRecordsBuilder;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.record.SimpleRecord;
import org.apache.kafka.common.record.TimestampType;

/** Real record batches built by kafka-clients 4.1, as a producer would send them. */
final class KafkaBatches {
  static final long BASE_TIMESTAMP = 1_700_000_000_000L;

  private KafkaBatches() {}

  static Compression compression(CompressionType type) {
    return Compression.of(type).build();
  }

  /** {@code count} records with keys, values and headers (some null keys and values). */
  static SimpleRecord[] records(int count) {
    SimpleRecord[] records = new SimpleRecord[count];
    for (int i = 0; i < count; i++) {
      byte[] key = i % 3 == 2 ? null : ("key-" + i).getBytes(StandardCharsets.UTF_8);
      byte[] value =
          i % 5 == 4
              ? null
              : ("value-" + i + "-" + "x".repeat(i * 7)).getBytes(StandardCharsets.UTF_8);
      Header[] headers = {
        new RecordHeader("h" + i, ("hv" + i).getBytes(StandardCharsets.UTF_8)),
        new RecordHeader("null-valued", null)
      };
      records[i] = new SimpleRecord(BASE_TIMESTAMP + i * 11L, key, value, headers);
    }
    return records;
  }

  /** A single batch as a producer sends it: base offset 0, leader epoch -1. */
  static ByteBuffer batch(
      CompressionType type,
      long producerId,
      short epoch,
      int baseSequence,
      boolean transactional,
      int count) {
    MemoryRecordsBuilder builder =
        MemoryRecords.builder(
            ByteBuffer.allocate(1024),
            RecordBatch.MAGIC_VALUE_V2,
            compression(type),
            TimestampType.CREATE_TIME,
            0L,
            RecordBatch.NO_TIMESTAMP,
            producerId,
            epoch,
            baseSequence,
            transactional,
            RecordBatch.NO_PARTITION_LEADER_EPOCH);
    for (SimpleRecord record : records(count)) {
      builder.append(record);
    }
    return builder.build().buffer();
  }

  static ByteBuffer plainBatch(CompressionType type, int count) {
    return batch(
        type,
        RecordBatch.NO_PRODUCER_ID,
        RecordBatch.NO_PRODUCER_EPOCH,
        RecordBatch.NO_SEQUENCE,
        false,
        count);
  }

  static ByteBuffer idempotentBatch(CompressionType type, int count) {
    return batch(type, 4711L, (short) 3, 100, false, count);
  }

  static ByteBuffer commitMarker() {
    return MemoryRecords.withEndTransactionMarker(
            0L, 4711L, (short) 3, new EndTransactionMarker(ControlRecordType.COMMIT, 9))
        .buffer();
  }

  static ByteBuffer legacyV1Batch() {
    return MemoryRecords.withRecords(
            RecordBatch.MAGIC_VALUE_V1,
            0L,
            Compression.NONE,
            new SimpleRecord(BASE_TIMESTAMP, "k".getBytes(StandardCharsets.UTF_8), new byte[3]),
            new SimpleRecord(BASE_TIMESTAMP + 1, null, new byte[4]))
        .buffer();
  }

  static ByteBuf wrap(ByteBuffer buffer) {
    return Unpooled.wrappedBuffer(buffer.duplicate());
  }

  static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer dup = buffer.duplicate();
    byte[] out = new byte[dup.remaining()];
    dup.get(out);
    return out;
  }
}
