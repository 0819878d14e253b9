package io.duetmq.protocol.kafka.record;

import static io.duetmq.protocol.kafka.record.BatchValidationStatus.CORRUPT_MESSAGE;
import static io.duetmq.protocol.kafka.record.BatchValidationStatus.INVALID_RECORD;
import static io.duetmq.protocol.kafka.record.BatchValidationStatus.INVALID_TIMESTAMP;
import static io.duetmq.protocol.kafka.record.BatchValidationStatus.LEGACY_MAGIC;
import static io.duetmq.protocol.kafka.record.BatchValidationStatus.MESSAGE_TOO_LARGE;
import static io.duetmq.protocol.kafka.record.BatchValidationStatus.UNSUPPORTED_COMPRESSION_TYPE;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.BATCH_LENGTH_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.COMPRESSION_CODEC_MASK;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.HEADER_SIZE_UP_TO_MAGIC;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.MAGIC_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.MAGIC_V2;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.MIN_BATCH_LENGTH;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a records payload (the {@code Records} of one Produce partition, or bytes read from a log)
 * batch by batch, reading only batch headers plus one CRC-32C pass per batch — never individual
 * records, so the cost does not depend on the record count and nothing is allocated per record
 * (reference §4.1, §4.6, §4.7; CONVENTIONS.md §5).
 *
 * <p>Per batch, in this order: the header up to the magic byte is present; magic is 2 (0/1 → {@link
 * BatchValidationStatus#LEGACY_MAGIC}, anything else → corrupt); {@code BatchLength} is at least 49
 * and the batch lies within the payload; the batch fits {@code maxBatchBytes}; the CRC-32C over
 * byte 21 to the end matches; the compression id is known and allowed; record count and {@code
 * LastOffsetDelta} agree; client-batch rules; producer fields are consistent (a producer id needs
 * an epoch ≥ 0 and, except for control batches, a base sequence ≥ 0; a transactional batch needs a
 * producer id). Trailing bytes that do not form a whole batch are corrupt: a producer never sends
 * them.
 *
 * <p>Stateless and thread-safe. Never throws on bad input, whatever the bytes: every outcome is a
 * {@link BatchValidationResult}. Reads the payload's readable bytes with absolute indexes: the
 * buffer's indexes and reference count are untouched.
 */
public final class RecordBatchValidator {
  private RecordBatchValidator() {}

  /** Validates every batch in the readable bytes of {@code payload} (null = no batch). */
  public static BatchValidationResult validate(ByteBuf payload, BatchValidationRules rules) {
    if (payload == null || !payload.isReadable()) {
      return BatchValidationResult.failure(
          INVALID_RECORD, 0, "records must contain at least one record batch");
    }
    int start = payload.readerIndex();
    int end = payload.writerIndex();
    RecordBatchFlyweight batch = new RecordBatchFlyweight();
    List<ValidatedBatch> batches = new ArrayList<>(1);
    int position = start;
    while (position < end) {
      int index = batches.size();
      if (rules.singleBatch() && index == 1) {
        return BatchValidationResult.failure(
            INVALID_RECORD, index, "records must contain exactly one record batch");
      }
      BatchValidationResult structural = checkStructure(payload, position, end, rules, index);
      if (structural != null) {
        return structural;
      }
      batch.wrap(payload, position);
      BatchValidationResult content = checkContent(batch, rules, index);
      if (content != null) {
        return content;
      }
      batches.add(summarize(batch, position - start));
      position += batch.sizeInBytes();
    }
    return BatchValidationResult.ok(batches);
  }

  /** Bounds, magic, length and CRC; null when they hold. */
  private static BatchValidationResult checkStructure(
      ByteBuf buf, int position, int end, BatchValidationRules rules, int index) {
    int remaining = end - position;
    if (remaining < HEADER_SIZE_UP_TO_MAGIC) {
      return fail(
          CORRUPT_MESSAGE, index, position, "only " + remaining + " bytes left for a batch");
    }
    byte magic = buf.getByte(position + MAGIC_OFFSET);
    if (magic == 0 || magic == 1) {
      return fail(LEGACY_MAGIC, index, position, "magic " + magic + "; only magic 2 is accepted");
    }
    if (magic != MAGIC_V2) {
      return fail(CORRUPT_MESSAGE, index, position, "unknown magic " + magic);
    }
    int batchLength = buf.getInt(position + BATCH_LENGTH_OFFSET);
    if (batchLength < MIN_BATCH_LENGTH) {
      return fail(
          CORRUPT_MESSAGE,
          index,
          position,
          "batch length " + batchLength + " is below the minimum " + MIN_BATCH_LENGTH);
    }
    long size = RecordBatchDescriptor.batchSize(batchLength);
    if (size > remaining) {
      return fail(
          CORRUPT_MESSAGE,
          index,
          position,
          "batch of " + size + " bytes is truncated: " + remaining + " bytes left");
    }
    if (size > rules.maxBatchBytes()) {
      return fail(
          MESSAGE_TOO_LARGE,
          index,
          position,
          "batch of " + size + " bytes exceeds the limit of " + rules.maxBatchBytes());
    }
    long stored = buf.getUnsignedInt(position + RecordBatchDescriptor.CRC_OFFSET);
    long computed = Integer.toUnsignedLong(BatchCrc.compute(buf, position, (int) size));
    if (stored != computed) {
      return fail(
          CORRUPT_MESSAGE,
          index,
          position,
          "CRC mismatch: stored " + stored + ", computed " + computed);
    }
    return null;
  }

  /** Attributes, counts and producer fields of a structurally sound batch; null when they hold. */
  private static BatchValidationResult checkContent(
      RecordBatchFlyweight batch, BatchValidationRules rules, int index) {
    int position = batch.offset();
    int codecId = batch.attributes() & COMPRESSION_CODEC_MASK;
    CompressionCodec codec = CompressionCodec.forId(codecId);
    if (codec == null || (codec == CompressionCodec.ZSTD && !rules.allowZstd())) {
      return fail(
          UNSUPPORTED_COMPRESSION_TYPE, index, position, "compression id " + codecId + " refused");
    }
    int count = batch.recordsCount();
    int lastOffsetDelta = batch.lastOffsetDelta();
    boolean countOk =
        rules.clientBatches()
            ? count > 0 && lastOffsetDelta == count - 1
            : count >= 0 && lastOffsetDelta >= 0 && count - 1 <= lastOffsetDelta;
    if (!countOk) {
      return fail(
          INVALID_RECORD,
          index,
          position,
          "records count " + count + " does not fit last offset delta " + lastOffsetDelta);
    }
    if (rules.clientBatches() && batch.isControl()) {
      return fail(INVALID_RECORD, index, position, "clients may not write control batches");
    }
    if (rules.clientBatches() && batch.timestampType() == TimestampType.LOG_APPEND_TIME) {
      return fail(INVALID_TIMESTAMP, index, position, "client batch flagged LogAppendTime");
    }
    return checkProducerFields(batch, index);
  }

  private static BatchValidationResult checkProducerFields(RecordBatchFlyweight batch, int index) {
    long producerId = batch.producerId();
    if (!batch.hasProducerId()) {
      return batch.isTransactional()
          ? fail(
              INVALID_RECORD,
              index,
              batch.offset(),
              "transactional batch without producer id (" + producerId + ")")
          : null;
    }
    short epoch = batch.producerEpoch();
    int sequence = batch.baseSequence();
    if (epoch < 0 || (sequence < 0 && !batch.isControl())) {
      return fail(
          INVALID_RECORD,
          index,
          batch.offset(),
          "producer id " + producerId + " with epoch " + epoch + " and base sequence " + sequence);
    }
    return null;
  }

  private static ValidatedBatch summarize(RecordBatchFlyweight batch, int position) {
    return new ValidatedBatch(
        position,
        batch.sizeInBytes(),
        batch.recordsCount(),
        batch.lastOffsetDelta(),
        batch.producerId(),
        batch.producerEpoch(),
        batch.baseSequence(),
        batch.isTransactional(),
        batch.isControl(),
        batch.timestampType(),
        batch.baseTimestamp(),
        batch.maxTimestamp(),
        batch.compression());
  }

  private static BatchValidationResult fail(
      BatchValidationStatus status, int index, int position, String reason) {
    return BatchValidationResult.failure(
        status, index, "batch " + index + " at buffer index " + position + ": " + reason);
  }
}
