package io.duetmq.protocol.kafka.producer;

/**
 * The result of {@link PartitionProducerState#check}.
 *
 * @param status the verdict
 * @param original for DUPLICATE, the cached batch whose outcome answers the retry; else null
 * @param detail why a batch was refused, carrying the offending values; null unless refused
 */
public record SequenceVerdict(SequenceStatus status, ProducerBatch original, String detail) {
  static final SequenceVerdict ACCEPT = new SequenceVerdict(SequenceStatus.ACCEPT, null, null);

  static SequenceVerdict refused(SequenceStatus status, String detail) {
    return new SequenceVerdict(status, null, detail);
  }
}
