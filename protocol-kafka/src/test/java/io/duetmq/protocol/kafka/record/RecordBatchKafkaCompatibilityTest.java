package io.duetmq.protocol.kafka.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.DefaultRecordBatch;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.Record;
import org.apache.kafka.common.record.RecordBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Batches built by kafka-clients are read exactly by the validator and the flyweight, and batches
 * patched by us are still valid for kafka-clients.
 */
class RecordBatchKafkaCompatibilityTest {
  private static final BatchValidationRules PRODUCE_V9 =
      BatchValidationRules.produce((short) 9, BatchValidationRules.DEFAULT_MAX_MESSAGE_BYTES);
  private static final BatchValidationRules STORED =
      BatchValidationRules.stored(BatchValidationRules.DEFAULT_MAX_MESSAGE_BYTES);

  private static DefaultRecordBatch kafkaBatch(ByteBuffer bytes) {
    return (DefaultRecordBatch) MemoryRecords.readableRecords(bytes).batches().iterator().next();
  }

  @ParameterizedTest
  @EnumSource(CompressionType.class)
  void shouldValidateAndReadIdempotentBatchesOfEveryCodec(CompressionType type) {
    ByteBuffer bytes = KafkaBatches.idempotentBatch(type, 7);
    DefaultRecordBatch kafka = kafkaBatch(bytes);
    ByteBuf buf = KafkaBatches.wrap(bytes);

    BatchValidationResult result = RecordBatchValidator.validate(buf, PRODUCE_V9);

    assertThat(result.status()).as(result.detail()).isEqualTo(BatchValidationStatus.OK);
    assertThat(result.batches()).hasSize(1);
    assertThat(result.totalRecords()).isEqualTo(7);
    ValidatedBatch batch = result.batches().get(0);
    assertThat(batch.position()).isZero();
    assertThat(batch.sizeInBytes()).isEqualTo(kafka.sizeInBytes()).isEqualTo(bytes.remaining());
    assertThat(batch.recordsCount()).isEqualTo(kafka.countOrNull());
    assertThat(batch.lastOffsetDelta()).isEqualTo((int) (kafka.lastOffset() - kafka.baseOffset()));
    assertThat(batch.producerId()).isEqualTo(4711L);
    assertThat(batch.producerEpoch()).isEqualTo((short) 3);
    assertThat(batch.baseSequence()).isEqualTo(100);
    assertThat(batch.lastSequence()).isEqualTo(kafka.lastSequence()).isEqualTo(106);
    assertThat(batch.hasProducerId()).isTrue();
    assertThat(batch.transactional()).isFalse();
    assertThat(batch.control()).isFalse();
    assertThat(batch.timestampType()).isEqualTo(TimestampType.CREATE_TIME);
    assertThat(batch.baseTimestamp()).isEqualTo(kafka.baseTimestamp());
    assertThat(batch.maxTimestamp()).isEqualTo(kafka.maxTimestamp());
    assertThat(batch.compression().id()).isEqualTo(type.id);
    assertThat(buf.readerIndex()).as("validator must not move indexes").isZero();
    buf.release();
  }

  @ParameterizedTest
  @EnumSource(CompressionType.class)
  void shouldReadEveryHeaderFieldThroughTheFlyweight(CompressionType type) {
    ByteBuffer bytes = KafkaBatches.batch(type, 99L, (short) 0, 0, true, 3);
    DefaultRecordBatch kafka = kafkaBatch(bytes);
    ByteBuf buf = KafkaBatches.wrap(bytes);
    RecordBatchFlyweight flyweight = new RecordBatchFlyweight().wrap(buf, 0);

    assertThat(flyweight.baseOffset()).isEqualTo(kafka.baseOffset());
    assertThat(flyweight.sizeInBytes()).isEqualTo(kafka.sizeInBytes());
    assertThat(flyweight.batchLength()).isEqualTo(kafka.sizeInBytes() - 12);
    assertThat(flyweight.partitionLeaderEpoch()).isEqualTo(kafka.partitionLeaderEpoch());
    assertThat(flyweight.magic()).isEqualTo(kafka.magic());
    assertThat(flyweight.crc()).isEqualTo(kafka.checksum());
    assertThat(flyweight.computeCrc()).isEqualTo(kafka.checksum());
    assertThat(flyweight.isCrcValid()).isTrue();
    assertThat(flyweight.lastOffset()).isEqualTo(kafka.lastOffset());
    assertThat(flyweight.baseTimestamp()).isEqualTo(kafka.baseTimestamp());
    assertThat(flyweight.maxTimestamp()).isEqualTo(kafka.maxTimestamp());
    assertThat(flyweight.producerId()).isEqualTo(kafka.producerId());
    assertThat(flyweight.producerEpoch()).isEqualTo(kafka.producerEpoch());
    assertThat(flyweight.baseSequence()).isEqualTo(kafka.baseSequence());
    assertThat(flyweight.lastSequence()).isEqualTo(kafka.lastSequence());
    assertThat(flyweight.recordsCount()).isEqualTo(kafka.countOrNull());
    assertThat(flyweight.compression().id()).isEqualTo(kafka.compressionType().id);
    assertThat(flyweight.isTransactional()).isTrue().isEqualTo(kafka.isTransactional());
    assertThat(flyweight.isControl()).isFalse();
    assertThat(flyweight.hasDeleteHorizon()).isFalse();
    assertThat(flyweight.timestampType()).isEqualTo(TimestampType.CREATE_TIME);
    assertThat(flyweight.toString()).contains("producerId=99");
    buf.release();
  }

  @ParameterizedTest
  @EnumSource(CompressionType.class)
  void shouldKeepBatchValidForKafkaAfterPatchingBaseOffsetAndLeaderEpoch(CompressionType type) {
    ByteBuffer bytes = KafkaBatches.idempotentBatch(type, 5);
    ByteBuffer body = ByteBuffer.wrap(KafkaBatches.bytes(bytes));

    new RecordBatchPatcher(17).patch(body, 1_000_000L);

    assertThat(body.position()).isZero();
    DefaultRecordBatch patched = kafkaBatch(body.duplicate());
    patched.ensureValid();
    assertThat(patched.isValid()).isTrue();
    assertThat(patched.baseOffset()).isEqualTo(1_000_000L);
    assertThat(patched.lastOffset()).isEqualTo(1_000_004L);
    assertThat(patched.partitionLeaderEpoch()).isEqualTo(17);
    List<Long> offsets = new ArrayList<>();
    List<Long> timestamps = new ArrayList<>();
    for (Record record : patched) {
      offsets.add(record.offset());
      timestamps.add(record.timestamp());
      record.ensureValid();
    }
    assertThat(offsets).containsExactly(1_000_000L, 1_000_001L, 1_000_002L, 1_000_003L, 1_000_004L);
    assertThat(timestamps.get(4)).isEqualTo(KafkaBatches.BASE_TIMESTAMP + 44);
  }

  @Test
  void shouldPatchOnlyTheBaseOffsetWithTheStaticPatcher() {
    ByteBuffer body =
        ByteBuffer.wrap(KafkaBatches.bytes(KafkaBatches.plainBatch(CompressionType.NONE, 2)));
    RecordBatchPatcher.patchBaseOffset(body, 42L);
    DefaultRecordBatch patched = kafkaBatch(body);
    assertThat(patched.isValid()).isTrue();
    assertThat(patched.baseOffset()).isEqualTo(42L);
    assertThat(patched.partitionLeaderEpoch()).isEqualTo(RecordBatch.NO_PARTITION_LEADER_EPOCH);
  }

  @ParameterizedTest
  @EnumSource(CompressionType.class)
  void shouldStampLogAppendTimeWithAFreshCrc(CompressionType type) {
    ByteBuf buf = Unpooled.wrappedBuffer(KafkaBatches.bytes(KafkaBatches.plainBatch(type, 4)));
    RecordBatchFlyweight flyweight = new RecordBatchFlyweight().wrap(buf, 0);

    flyweight.setBaseOffset(500L).setPartitionLeaderEpoch(2).setLogAppendTime(1_800_000_000_000L);

    DefaultRecordBatch kafka = kafkaBatch(buf.nioBuffer());
    assertThat(kafka.isValid()).isTrue();
    assertThat(kafka.timestampType())
        .isEqualTo(org.apache.kafka.common.record.TimestampType.LOG_APPEND_TIME);
    assertThat(kafka.maxTimestamp()).isEqualTo(1_800_000_000_000L);
    assertThat(kafka.baseOffset()).isEqualTo(500L);
    for (Record record : kafka) {
      assertThat(record.timestamp()).isEqualTo(1_800_000_000_000L);
    }
    assertThat(flyweight.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
    assertThat(RecordBatchValidator.validate(buf, STORED).isOk()).isTrue();
    assertThat(RecordBatchValidator.validate(buf, PRODUCE_V9).status())
        .isEqualTo(BatchValidationStatus.INVALID_TIMESTAMP);
    buf.release();
  }

  @Test
  void shouldReadControlBatchesAndRefuseThemFromClients() {
    ByteBuffer marker = KafkaBatches.commitMarker();
    DefaultRecordBatch kafka = kafkaBatch(marker.duplicate());
    assertThat(kafka.isControlBatch()).isTrue();
    ByteBuf buf = KafkaBatches.wrap(marker);

    BatchValidationResult stored = RecordBatchValidator.validate(buf, STORED);
    assertThat(stored.status()).as(stored.detail()).isEqualTo(BatchValidationStatus.OK);
    ValidatedBatch batch = stored.batches().get(0);
    assertThat(batch.control()).isTrue();
    assertThat(batch.transactional()).isTrue();
    assertThat(batch.recordsCount()).isEqualTo(1);
    assertThat(batch.producerId()).isEqualTo(4711L);
    assertThat(batch.baseSequence()).isEqualTo(RecordBatch.NO_SEQUENCE);

    BatchValidationResult produced = RecordBatchValidator.validate(buf, PRODUCE_V9);
    assertThat(produced.status()).isEqualTo(BatchValidationStatus.INVALID_RECORD);
    assertThat(produced.detail()).contains("control");
    buf.release();
  }

  @Test
  void shouldWalkSeveralBatchesBackToBackInStoredMode() {
    byte[] first = KafkaBatches.bytes(KafkaBatches.idempotentBatch(CompressionType.LZ4, 3));
    byte[] second = KafkaBatches.bytes(KafkaBatches.commitMarker());
    byte[] third = KafkaBatches.bytes(KafkaBatches.plainBatch(CompressionType.GZIP, 2));
    ByteBuf buf = Unpooled.wrappedBuffer(first, second, third);

    BatchValidationResult result = RecordBatchValidator.validate(buf, STORED);

    assertThat(result.status()).as(result.detail()).isEqualTo(BatchValidationStatus.OK);
    assertThat(result.batches())
        .extracting(ValidatedBatch::position)
        .containsExactly(0, first.length, first.length + second.length);
    assertThat(result.batches())
        .extracting(ValidatedBatch::control)
        .containsExactly(false, true, false);
    assertThat(result.totalRecords()).isEqualTo(6);
    assertThat(RecordBatchValidator.validate(buf, PRODUCE_V9).status())
        .isEqualTo(BatchValidationStatus.INVALID_RECORD);
    buf.release();
  }

  @Test
  void shouldRecogniseLegacyMessageSets() {
    ByteBuf buf = KafkaBatches.wrap(KafkaBatches.legacyV1Batch());
    BatchValidationResult result = RecordBatchValidator.validate(buf, PRODUCE_V9);
    assertThat(result.status()).isEqualTo(BatchValidationStatus.LEGACY_MAGIC);
    assertThat(result.status().errorCode().code()).isEqualTo((short) 87);
    buf.release();
  }

  @Test
  void shouldRefuseZstdBelowProduceV7() {
    ByteBuf buf = KafkaBatches.wrap(KafkaBatches.plainBatch(CompressionType.ZSTD, 2));
    var v6 =
        BatchValidationRules.produce((short) 6, BatchValidationRules.DEFAULT_MAX_MESSAGE_BYTES);
    assertThat(RecordBatchValidator.validate(buf, v6).status())
        .isEqualTo(BatchValidationStatus.UNSUPPORTED_COMPRESSION_TYPE);
    assertThat(RecordBatchValidator.validate(buf, PRODUCE_V9).isOk()).isTrue();
    buf.release();
  }

  @Test
  void shouldRefuseBatchesAboveTheSizeLimit() {
    ByteBuffer bytes = KafkaBatches.plainBatch(CompressionType.NONE, 10);
    ByteBuf buf = KafkaBatches.wrap(bytes);
    int size = bytes.remaining();
    var exact = BatchValidationRules.produce((short) 9, size);
    var below = BatchValidationRules.produce((short) 9, size - 1);
    assertThat(RecordBatchValidator.validate(buf, exact).isOk()).isTrue();
    BatchValidationResult tooLarge = RecordBatchValidator.validate(buf, below);
    assertThat(tooLarge.status()).isEqualTo(BatchValidationStatus.MESSAGE_TOO_LARGE);
    assertThat(tooLarge.detail()).contains(String.valueOf(size), String.valueOf(size - 1));
    buf.release();
  }

  @Test
  void shouldValidateBatchesInsideALargerBufferAndDirectMemory() {
    byte[] batch = KafkaBatches.bytes(KafkaBatches.idempotentBatch(CompressionType.SNAPPY, 4));
    ByteBuf direct = Unpooled.directBuffer(batch.length + 20);
    direct.writeZero(10).writeBytes(batch).writeZero(10);
    ByteBuf slice = direct.slice(10, batch.length);
    BatchValidationResult result = RecordBatchValidator.validate(slice, PRODUCE_V9);
    assertThat(result.status()).as(result.detail()).isEqualTo(BatchValidationStatus.OK);
    assertThat(result.batches().get(0).position()).isZero();
    direct.release();
  }
}
