package io.duetmq.protocol.kafka.record;

/**
 * What {@link RecordBatchValidator} enforces beyond the structure every v2 batch must have.
 *
 * @param maxBatchBytes largest accepted batch, header and 12-byte log overhead included (Kafka's
 *     topic {@code max.message.bytes}, default 1048588); each batch is checked on its own
 * @param singleBatch the payload must hold exactly one batch (Produce v3+, reference §3.3)
 * @param clientBatches the batches come from a producer: record count must equal {@code
 *     LastOffsetDelta + 1}, control batches are refused ({@code INVALID_RECORD}) and so is a batch
 *     already flagged LogAppendTime ({@code INVALID_TIMESTAMP})
 * @param allowZstd zstd compression is accepted (Produce v7+, reference §3.3)
 */
public record BatchValidationRules(
    int maxBatchBytes, boolean singleBatch, boolean clientBatches, boolean allowZstd) {

  /** Kafka's default {@code max.message.bytes}. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 1048588;

  public BatchValidationRules {
    if (maxBatchBytes < RecordBatchDescriptor.HEADER_SIZE) {
      throw new IllegalArgumentException(
          "maxBatchBytes "
              + maxBatchBytes
              + " is below the batch header size "
              + RecordBatchDescriptor.HEADER_SIZE);
    }
  }

  /** The rules for the records of one partition in a Produce request of {@code produceVersion}. */
  public static BatchValidationRules produce(short produceVersion, int maxMessageBytes) {
    return new BatchValidationRules(
        maxMessageBytes, produceVersion >= 3, true, produceVersion >= 7);
  }

  /**
   * The rules for batches already in a log (recovery, replication): any number of batches, control
   * batches and LogAppendTime allowed, counts below {@code LastOffsetDelta + 1} allowed
   * (compaction).
   */
  public static BatchValidationRules stored(int maxBatchBytes) {
    return new BatchValidationRules(maxBatchBytes, false, false, true);
  }
}
