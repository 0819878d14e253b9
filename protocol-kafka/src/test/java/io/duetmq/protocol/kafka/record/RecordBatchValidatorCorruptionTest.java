package io.duetmq.protocol.kafka.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.function.Consumer;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.kafka.common.record.CompressionType;

/** Damaged payloads end in the right status, never in an exception. */
class RecordBatchValidatorCorruptionTest {
  private static final BatchValidationRules PRODUCE =
      BatchValidationRules.produce((short) 11, BatchValidationRules.DEFAULT_MAX_MESSAGE_BYTES);
  private static final BatchValidationRules STORED =
      BatchValidationRules.stored(BatchValidationRules.DEFAULT_MAX_MESSAGE_BYTES);

  private static final byte[] IDEMPOTENT =
      KafkaBatches.bytes(KafkaBatches.idempotentBatch(CompressionType.NONE, 6));
  private static final byte[] COMPRESSED =
      KafkaBatches.bytes(KafkaBatches.idempotentBatch(CompressionType.ZSTD, 6));

  private static BatchValidationResult validate(byte[] bytes, BatchValidationRules rules) {
    ByteBuf buf = Unpooled.wrappedBuffer(bytes);
    try {
      return RecordBatchValidator.validate(buf, rules);
    } finally {
      buf.release();
    }
  }

  /** A copy of the idempotent batch, changed by {@code edit}, with its CRC made right again. */
  private static byte[] editedWithValidCrc(Consumer<RecordBatchFlyweight> edit) {
    ByteBuf buf = Unpooled.wrappedBuffer(IDEMPOTENT.clone());
    RecordBatchFlyweight batch = new RecordBatchFlyweight().wrap(buf, 0);
    edit.accept(batch);
    batch.setMaxTimestampAndCrc(batch.maxTimestamp());
    byte[] out = new byte[buf.readableBytes()];
    buf.readBytes(out);
    return out;
  }

  @Example
  void shouldReportCorruptMessageForAFlippedByteAnywhereTheCrcCovers() {
    for (byte[] original : new byte[][] {IDEMPOTENT, COMPRESSED}) {
      for (int i = RecordBatchDescriptor.CRC_COVERAGE_START; i < original.length; i++) {
        byte[] damaged = original.clone();
        damaged[i] ^= 0x40;
        BatchValidationResult result = validate(damaged, PRODUCE);
        assertThat(result.status())
            .as("flip at " + i)
            .isEqualTo(BatchValidationStatus.CORRUPT_MESSAGE);
        assertThat(result.detail()).as("flip at " + i).contains("CRC mismatch");
      }
    }
  }

  @Example
  void shouldReportCorruptMessageForADamagedCrcField() {
    for (int i = RecordBatchDescriptor.CRC_OFFSET;
        i < RecordBatchDescriptor.ATTRIBUTES_OFFSET;
        i++) {
      byte[] damaged = IDEMPOTENT.clone();
      damaged[i] ^= 0x01;
      assertThat(validate(damaged, PRODUCE).status())
          .isEqualTo(BatchValidationStatus.CORRUPT_MESSAGE);
    }
  }

  @Example
  void shouldIgnoreChangesToBaseOffsetAndLeaderEpochSinceTheCrcDoesNotCoverThem() {
    byte[] changed = IDEMPOTENT.clone();
    for (int i = 0; i < 8; i++) {
      changed[i] = (byte) (0x11 * i);
    }
    for (int i = 12; i < 16; i++) {
      changed[i] = 0x7f;
    }
    assertThat(validate(changed, PRODUCE).status()).isEqualTo(BatchValidationStatus.OK);
  }

  @Example
  void shouldReportCorruptMessageForEveryTruncation() {
    for (int length = 1; length < IDEMPOTENT.length; length++) {
      BatchValidationResult result = validate(Arrays.copyOf(IDEMPOTENT, length), PRODUCE);
      assertThat(result.status())
          .as("length " + length)
          .isEqualTo(BatchValidationStatus.CORRUPT_MESSAGE);
    }
  }

  @Example
  void shouldReportInvalidRecordForAnEmptyOrNullPayload() {
    assertThat(validate(new byte[0], PRODUCE).status())
        .isEqualTo(BatchValidationStatus.INVALID_RECORD);
    assertThat(RecordBatchValidator.validate(null, PRODUCE).status())
        .isEqualTo(BatchValidationStatus.INVALID_RECORD);
  }

  @Example
  void shouldReportCorruptMessageForBatchLengthBeyondThePayload() {
    byte[] damaged = IDEMPOTENT.clone();
    Unpooled.wrappedBuffer(damaged)
        .setInt(RecordBatchDescriptor.BATCH_LENGTH_OFFSET, IDEMPOTENT.length);
    BatchValidationResult result = validate(damaged, PRODUCE);
    assertThat(result.status()).isEqualTo(BatchValidationStatus.CORRUPT_MESSAGE);
    assertThat(result.detail()).contains("truncated");
  }

  @Example
  void shouldReportCorruptMessageForNegativeAndTooSmallBatchLengths() {
    for (int length :
        new int[] {-1, Integer.MIN_VALUE, 0, RecordBatchDescriptor.MIN_BATCH_LENGTH - 1}) {
      byte[] damaged = IDEMPOTENT.clone();
      Unpooled.wrappedBuffer(damaged).setInt(RecordBatchDescriptor.BATCH_LENGTH_OFFSET, length);
      BatchValidationResult result = validate(damaged, PRODUCE);
      assertThat(result.status())
          .as("length " + length)
          .isEqualTo(BatchValidationStatus.CORRUPT_MESSAGE);
      assertThat(result.detail()).contains(String.valueOf(length));
    }
  }

  @Example
  void shouldReportCorruptMessageForTrailingBytesAfterABatch() {
    byte[] trailing = Arrays.copyOf(IDEMPOTENT, IDEMPOTENT.length + 5);
    BatchValidationResult result = validate(trailing, STORED);
    assertThat(result.status()).isEqualTo(BatchValidationStatus.CORRUPT_MESSAGE);
    assertThat(result.failedBatchIndex()).isEqualTo(1);
  }

  @Example
  void shouldDistinguishLegacyFromUnknownMagic() {
    for (int magic : new int[] {0, 1}) {
      byte[] legacy = IDEMPOTENT.clone();
      legacy[RecordBatchDescriptor.MAGIC_OFFSET] = (byte) magic;
      assertThat(validate(legacy, PRODUCE).status()).isEqualTo(BatchValidationStatus.LEGACY_MAGIC);
    }
    for (int magic : new int[] {3, -1, 127}) {
      byte[] unknown = IDEMPOTENT.clone();
      unknown[RecordBatchDescriptor.MAGIC_OFFSET] = (byte) magic;
      assertThat(validate(unknown, PRODUCE).status())
          .isEqualTo(BatchValidationStatus.CORRUPT_MESSAGE);
    }
  }

  @Example
  void shouldReportInvalidRecordForAZeroRecordsCount() {
    byte[] zero =
        editedWithValidCrc(b -> b.buffer().setInt(RecordBatchDescriptor.RECORDS_COUNT_OFFSET, 0));
    BatchValidationResult result = validate(zero, PRODUCE);
    assertThat(result.status()).isEqualTo(BatchValidationStatus.INVALID_RECORD);
    assertThat(result.detail()).contains("records count 0");
  }

  @Example
  void shouldReportInvalidRecordWhenLastOffsetDeltaDisagreesWithTheCount() {
    byte[] bad =
        editedWithValidCrc(
            b -> b.buffer().setInt(RecordBatchDescriptor.LAST_OFFSET_DELTA_OFFSET, 9));
    assertThat(validate(bad, PRODUCE).status()).isEqualTo(BatchValidationStatus.INVALID_RECORD);
    // a compacted stored batch may hold fewer records than its offset range
    assertThat(validate(bad, STORED).status()).isEqualTo(BatchValidationStatus.OK);
  }

  @Example
  void shouldReportInvalidRecordForInconsistentProducerFields() {
    byte[] noSequence =
        editedWithValidCrc(b -> b.buffer().setInt(RecordBatchDescriptor.BASE_SEQUENCE_OFFSET, -1));
    assertThat(validate(noSequence, PRODUCE).status())
        .isEqualTo(BatchValidationStatus.INVALID_RECORD);
    byte[] noEpoch =
        editedWithValidCrc(
            b -> b.buffer().setShort(RecordBatchDescriptor.PRODUCER_EPOCH_OFFSET, -1));
    assertThat(validate(noEpoch, PRODUCE).status()).isEqualTo(BatchValidationStatus.INVALID_RECORD);
    byte[] transactionalWithoutProducer =
        editedWithValidCrc(
            b -> {
              b.buffer().setLong(RecordBatchDescriptor.PRODUCER_ID_OFFSET, -1L);
              b.buffer()
                  .setShort(
                      RecordBatchDescriptor.ATTRIBUTES_OFFSET,
                      RecordBatchDescriptor.TRANSACTIONAL_MASK);
            });
    BatchValidationResult result = validate(transactionalWithoutProducer, PRODUCE);
    assertThat(result.status()).isEqualTo(BatchValidationStatus.INVALID_RECORD);
    assertThat(result.detail()).contains("transactional");
  }

  @Example
  void shouldReportUnsupportedCompressionForUnassignedCodecIds() {
    for (int id = 5; id <= 7; id++) {
      int codec = id;
      byte[] bad =
          editedWithValidCrc(
              b -> b.buffer().setShort(RecordBatchDescriptor.ATTRIBUTES_OFFSET, codec));
      assertThat(validate(bad, STORED).status())
          .isEqualTo(BatchValidationStatus.UNSUPPORTED_COMPRESSION_TYPE);
    }
  }

  @Property(tries = 3000)
  void shouldNeverThrowOnRandomBytes(
      @ForAll @Size(max = 200) byte[] bytes, @ForAll boolean stored) {
    BatchValidationResult result = validate(bytes, stored ? STORED : PRODUCE);
    assertThat(result.status()).isNotNull();
    assertThat(result.isOk()).isFalse();
  }

  @Property(tries = 3000)
  void shouldNeverThrowOnARandomlyDamagedBatch(
      @ForAll @IntRange(min = 0, max = 10_000) int position,
      @ForAll byte value,
      @ForAll @IntRange(min = 0, max = 10_000) int cut) {
    byte[] damaged = IDEMPOTENT.clone();
    damaged[position % damaged.length] = value;
    byte[] truncated = Arrays.copyOf(damaged, 1 + cut % damaged.length);
    BatchValidationResult result = validate(truncated, STORED);
    assertThat(result.isOk())
        .as(result.detail() == null ? "ok" : result.detail())
        .isEqualTo(result.failedBatchIndex() == -1);
  }
}
