package io.duetmq.protocol.kafka.fetch;

import io.duetmq.protocol.kafka.codec.ErrorCode;
import io.duetmq.protocol.kafka.codec.FetchResponse.PartitionData;
import io.duetmq.protocol.kafka.record.StoredBatchLocator;
import io.duetmq.protocol.kafka.topic.CatalogMetadataSource;
import io.duetmq.store.QueueEntryFilter;
import io.duetmq.store.QueueReadResult;
import io.duetmq.store.QueueReader;
import io.duetmq.store.ReadStatus;
import io.duetmq.store.StoredRecord;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads whole Kafka batches of one partition from the store for Fetch (reference §3.4): each batch
 * is a zero-copy {@link Unpooled#wrappedBuffer} view of its body in the mapped commit log, the
 * first batch may start before the fetch offset, and the first batch of a response is returned even
 * when it alone exceeds the size limit (KIP-74). Stored records that are not Kafka batches
 * (RocketMQ messages) are skipped: converting them is a later issue.
 *
 * <p>Buffer ownership: the returned {@link PartitionData} lists buffers the caller owns (wrappers
 * over mapped memory; releasing them frees nothing but keeps leak detection quiet).
 *
 * <p>Stateless and thread-safe.
 */
public final class PartitionBatchReader {
  private static final int MAX_RECORDS_PER_READ = 1000;
  private static final int MAX_READS = 16;

  private final QueueReader reader;

  public PartitionBatchReader(QueueReader reader) {
    this.reader = reader;
  }

  /**
   * Reads from {@code fetchOffset} of {@code (topic, partition)}.
   *
   * @param currentLeaderEpoch the client's view of the leader epoch, -1 = not checked
   * @param budget the byte limit for this partition
   * @param mustReturnFirst true while the response holds no data yet: the first batch is returned
   *     even when larger than {@code budget}
   * @param readCommitted list (empty) aborted transactions, as read_committed requires
   */
  public PartitionData read(
      String topic,
      int partition,
      int currentLeaderEpoch,
      long fetchOffset,
      int budget,
      boolean mustReturnFirst,
      boolean readCommitted) {
    if (currentLeaderEpoch > CatalogMetadataSource.LEADER_EPOCH) {
      return PartitionData.failed(partition, ErrorCode.UNKNOWN_LEADER_EPOCH);
    }
    if (currentLeaderEpoch >= 0 && currentLeaderEpoch < CatalogMetadataSource.LEADER_EPOCH) {
      return PartitionData.failed(partition, ErrorCode.FENCED_LEADER_EPOCH);
    }
    long min = reader.minOffset(topic, partition);
    long max = reader.maxOffset(topic, partition);
    if (fetchOffset < min || fetchOffset > max) {
      return new PartitionData(
          partition,
          ErrorCode.OFFSET_OUT_OF_RANGE.code(),
          max,
          max,
          min,
          null,
          null,
          null,
          -1,
          List.of());
    }
    List<ByteBuf> batches =
        fetchOffset < max && (budget > 0 || mustReturnFirst)
            ? readBatches(topic, partition, fetchOffset, budget, mustReturnFirst)
            : List.of();
    return new PartitionData(
        partition,
        ErrorCode.NONE.code(),
        max,
        max,
        min,
        null,
        null,
        readCommitted ? List.of() : null,
        -1,
        batches);
  }

  private List<ByteBuf> readBatches(
      String topic, int partition, long fetchOffset, int budget, boolean mustReturnFirst) {
    StoredBatchLocator locator = new StoredBatchLocator();
    List<ByteBuf> batches = new ArrayList<>();
    long bytes = 0;
    long offset = fetchOffset;
    for (int reads = 0; reads < MAX_READS && batches.isEmpty(); reads++) {
      QueueReadResult read =
          reader.read(
              topic,
              partition,
              offset,
              Math.max(budget, 1),
              MAX_RECORDS_PER_READ,
              QueueEntryFilter.ALL);
      if (read.status() != ReadStatus.FOUND) {
        break;
      }
      for (StoredRecord record : read.records()) {
        if (!locator.locate(record.buffer())) {
          continue;
        }
        int length = locator.bodyLength();
        boolean firstAllowed = batches.isEmpty() && mustReturnFirst;
        if (!firstAllowed && bytes + length > budget) {
          return batches;
        }
        batches.add(Unpooled.wrappedBuffer(record.buffer().slice(locator.bodyIndex(), length)));
        bytes += length;
      }
      if (read.nextBeginOffset() <= offset) {
        break;
      }
      offset = read.nextBeginOffset();
    }
    return batches;
  }
}
