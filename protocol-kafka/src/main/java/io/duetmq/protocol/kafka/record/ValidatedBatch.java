package io.duetmq.protocol.kafka.record;

/**
 * Header facts of one batch that passed {@link RecordBatchValidator}: enough for the idempotence
 * checks (reference §5), the store (record count) and the response, without re-reading the bytes.
 *
 * @param position index of the batch's first byte relative to the payload's reader index
 * @param sizeInBytes total batch size including the 12-byte log overhead
 * @param recordsCount {@code RecordsCount}
 * @param lastOffsetDelta {@code LastOffsetDelta}
 * @param producerId -1 when none
 * @param producerEpoch -1 when none
 * @param baseSequence -1 when none
 * @param transactional attribute bit 4
 * @param control attribute bit 5
 * @param timestampType attribute bit 3
 * @param baseTimestamp {@code BaseTimestamp}
 * @param maxTimestamp {@code MaxTimestamp}
 * @param compression attribute bits 0–2
 */
public record ValidatedBatch(
    int position,
    int sizeInBytes,
    int recordsCount,
    int lastOffsetDelta,
    long producerId,
    short producerEpoch,
    int baseSequence,
    boolean transactional,
    boolean control,
    TimestampType timestampType,
    long baseTimestamp,
    long maxTimestamp,
    CompressionCodec compression) {

  public boolean hasProducerId() {
    return producerId > RecordBatchDescriptor.NO_PRODUCER_ID;
  }

  /** Sequence of the batch's last record, with the wrap to 0 after Integer.MAX_VALUE. */
  public int lastSequence() {
    return RecordBatchFlyweight.lastSequence(baseSequence, lastOffsetDelta);
  }
}
