package io.duetmq.protocol.kafka.producer;

import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.ATTRIBUTES_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.BASE_SEQUENCE_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.CONTROL_MASK;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.LAST_OFFSET_DELTA_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.MAX_TIMESTAMP_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.PRODUCER_EPOCH_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.PRODUCER_ID_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.TIMESTAMP_TYPE_MASK;

import io.duetmq.protocol.kafka.record.RecordBatchFlyweight;
import io.duetmq.protocol.kafka.record.StoredBatchLocator;
import io.duetmq.protocol.kafka.topic.TopicPartition;
import io.duetmq.store.QueueEntryFilter;
import io.duetmq.store.QueueReadResult;
import io.duetmq.store.QueueReader;
import io.duetmq.store.ReadStatus;
import io.duetmq.store.StoredRecord;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Rebuilds producer state from the log at start-up: replays the headers of the Kafka batches each
 * partition stored within the last {@code producer.id.expiration.ms} (older producers would have
 * expired anyway), found through the consume queue's time lookup. Reads only the 61-byte batch
 * headers of the mapped log, nothing is copied.
 *
 * <p>Runs on the caller's thread before the listener accepts connections; stateless.
 */
public final class ProducerStateLoader {
  private static final int READ_BYTES = 8 << 20;
  private static final int READ_RECORDS = 4096;

  private ProducerStateLoader() {}

  /**
   * Replays partitions 0 … {@code partitions}-1 of {@code topic} into {@code table}; returns how
   * many producer batches were replayed.
   */
  public static long load(
      QueueReader reader, String topic, int partitions, ProducerStateTable table, long nowMillis) {
    long replayed = 0;
    long since = nowMillis - table.expirationMillis();
    StoredBatchLocator locator = new StoredBatchLocator();
    for (int p = 0; p < partitions; p++) {
      PartitionProducerState state = table.partition(new TopicPartition(topic, p));
      long offset =
          Math.max(reader.minOffset(topic, p), reader.offsetForTimestamp(topic, p, since));
      ReentrantLock lock = state.lock();
      lock.lock();
      try {
        while (true) {
          QueueReadResult read =
              reader.read(topic, p, offset, READ_BYTES, READ_RECORDS, QueueEntryFilter.ALL);
          if (read.status() != ReadStatus.FOUND || read.nextBeginOffset() <= offset) {
            break;
          }
          for (StoredRecord record : read.records()) {
            if (locator.locate(record.buffer())) {
              replayed += replay(state, record, locator.bodyIndex());
            }
          }
          offset = read.nextBeginOffset();
        }
      } finally {
        lock.unlock();
      }
    }
    return replayed;
  }

  private static int replay(PartitionProducerState state, StoredRecord record, int at) {
    ByteBuffer buf = record.buffer();
    long producerId = buf.getLong(at + PRODUCER_ID_OFFSET);
    short attributes = buf.getShort(at + ATTRIBUTES_OFFSET);
    int baseSequence = buf.getInt(at + BASE_SEQUENCE_OFFSET);
    if (producerId < 0 || baseSequence < 0 || (attributes & CONTROL_MASK) != 0) {
      return 0;
    }
    short epoch = buf.getShort(at + PRODUCER_EPOCH_OFFSET);
    int lastSequence =
        RecordBatchFlyweight.lastSequence(baseSequence, buf.getInt(at + LAST_OFFSET_DELTA_OFFSET));
    long logAppendTime =
        (attributes & TIMESTAMP_TYPE_MASK) != 0 ? buf.getLong(at + MAX_TIMESTAMP_OFFSET) : -1;
    state.restore(
        producerId,
        epoch,
        baseSequence,
        lastSequence,
        AppendOutcome.stored(record.baseOffset(), logAppendTime),
        record.storeTimestamp());
    return 1;
  }
}
