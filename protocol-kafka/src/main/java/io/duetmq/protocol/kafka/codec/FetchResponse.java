package io.duetmq.protocol.kafka.codec;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.UUID;

/**
 * Fetch response (key 1, v4–18, reference §3.4, Appendix A.5). Each partition's records are a list
 * of buffers — typically slices of stored batches as they lie in the log — that the encoder appends
 * to its output without copying ({@link FetchCodec#encodeResponse}).
 *
 * <p>Buffer ownership: the response owns one reference to every records buffer it lists (list the
 * same buffer twice only with two references). {@link FetchCodec#encodeResponse} takes them all
 * over; a response that is never encoded must be {@link #release()}d instead.
 *
 * @param throttleTimeMs quota throttle
 * @param errorCode v7+ top-level error (fetch sessions)
 * @param sessionId v7+; 0 = no session
 * @param responses per-topic data
 * @param nodeEndpoints v16+ tagged; endpoints of leaders named in {@code currentLeader}; empty =
 *     omitted
 */
public record FetchResponse(
    int throttleTimeMs,
    short errorCode,
    int sessionId,
    List<TopicData> responses,
    List<NodeEndpoint> nodeEndpoints) {

  public FetchResponse {
    responses = List.copyOf(responses);
    nodeEndpoints = List.copyOf(nodeEndpoints);
  }

  /** A sessionless answer without top-level error. */
  public FetchResponse(List<TopicData> responses) {
    this(0, ErrorCode.NONE.code(), 0, responses, List.of());
  }

  /** Releases every records buffer (once); for responses that will not be encoded. */
  public void release() {
    for (TopicData topic : responses) {
      for (PartitionData partition : topic.partitions()) {
        if (partition.records() != null) {
          partition.records().forEach(ByteBuf::release);
        }
      }
    }
  }

  /**
   * Data of one topic.
   *
   * @param topic v4–12
   * @param topicId v13+
   * @param partitions per-partition data
   */
  public record TopicData(String topic, UUID topicId, List<PartitionData> partitions) {
    public TopicData {
      partitions = List.copyOf(partitions);
      topicId = topicId == null ? MetadataResponse.ZERO_UUID : topicId;
    }
  }

  /**
   * Data of one partition.
   *
   * @param partitionIndex partition index
   * @param errorCode partition error
   * @param highWatermark high watermark
   * @param lastStableOffset LSO; = high watermark when there are no transactions
   * @param logStartOffset v5+
   * @param divergingEpoch v12+ tagged; nullable = omitted
   * @param currentLeader v12+ tagged; nullable = omitted
   * @param abortedTransactions null for read_uncommitted; a list for read_committed
   * @param preferredReadReplica v11+; must be -1 (librdkafka drops data otherwise)
   * @param records the batches to send, in order; null = null records, empty = no data
   */
  public record PartitionData(
      int partitionIndex,
      short errorCode,
      long highWatermark,
      long lastStableOffset,
      long logStartOffset,
      EpochEndOffset divergingEpoch,
      LeaderIdAndEpoch currentLeader,
      List<AbortedTransaction> abortedTransactions,
      int preferredReadReplica,
      List<ByteBuf> records) {

    public PartitionData {
      abortedTransactions = abortedTransactions == null ? null : List.copyOf(abortedTransactions);
      records = records == null ? null : List.copyOf(records);
    }

    /** Data (or none) from a healthy partition, read_uncommitted. */
    public static PartitionData of(
        int partitionIndex,
        long highWatermark,
        long lastStableOffset,
        long logStartOffset,
        List<ByteBuf> records) {
      return new PartitionData(
          partitionIndex,
          ErrorCode.NONE.code(),
          highWatermark,
          lastStableOffset,
          logStartOffset,
          null,
          null,
          null,
          -1,
          records);
    }

    /** A failed partition: offsets -1, empty records. */
    public static PartitionData failed(int partitionIndex, ErrorCode error) {
      return new PartitionData(
          partitionIndex, error.code(), -1, -1, -1, null, null, null, -1, List.of());
    }

    /** Total readable bytes of the records (0 for null). */
    public long recordsSize() {
      long size = 0;
      if (records != null) {
        for (ByteBuf buf : records) {
          size += buf.readableBytes();
        }
      }
      return size;
    }
  }

  /**
   * The {@code DivergingEpoch} tagged struct (tag 0): where the fetcher's log diverges.
   *
   * @param epoch leader epoch
   * @param endOffset end offset of that epoch
   */
  public record EpochEndOffset(int epoch, long endOffset) {}

  /**
   * An aborted transaction overlapping the returned range (read_committed).
   *
   * @param producerId the transaction's producer
   * @param firstOffset its first offset
   */
  public record AbortedTransaction(long producerId, long firstOffset) {}
}
