package io.duetmq.protocol.kafka.codec;

import java.util.List;
import java.util.UUID;

/**
 * Produce response (key 0, v3–13, reference §3.3, Appendix A.4). Fields a version lacks are dropped
 * when encoding; tagged fields are written only when present.
 *
 * @param topics per-topic results
 * @param throttleTimeMs quota throttle
 * @param nodeEndpoints v10+ tagged; endpoints of the leaders named in {@code currentLeader}
 *     entries; empty = omitted
 */
public record ProduceResponse(
    List<TopicResponse> topics, int throttleTimeMs, List<NodeEndpoint> nodeEndpoints) {

  public ProduceResponse {
    topics = List.copyOf(topics);
    nodeEndpoints = List.copyOf(nodeEndpoints);
  }

  public ProduceResponse(List<TopicResponse> topics) {
    this(topics, 0, List.of());
  }

  /**
   * Results for one topic.
   *
   * @param name v3–12
   * @param topicId v13+
   * @param partitions per-partition results
   */
  public record TopicResponse(String name, UUID topicId, List<PartitionResponse> partitions) {
    public TopicResponse {
      partitions = List.copyOf(partitions);
      topicId = topicId == null ? MetadataResponse.ZERO_UUID : topicId;
    }
  }

  /**
   * Result for one partition.
   *
   * @param index partition index
   * @param errorCode error code
   * @param baseOffset first offset assigned (the original one for a duplicate); -1 on error
   * @param logAppendTimeMs -1 unless the topic uses LogAppendTime
   * @param logStartOffset v5+; -1 = unknown
   * @param recordErrors v8+; per-batch failures of INVALID_RECORD / INVALID_TIMESTAMP
   * @param errorMessage v8+; nullable
   * @param currentLeader v10+ tagged; nullable = omitted
   */
  public record PartitionResponse(
      int index,
      short errorCode,
      long baseOffset,
      long logAppendTimeMs,
      long logStartOffset,
      List<RecordError> recordErrors,
      String errorMessage,
      LeaderIdAndEpoch currentLeader) {

    public PartitionResponse {
      recordErrors = List.copyOf(recordErrors);
    }

    /** A successful append at {@code baseOffset}. */
    public static PartitionResponse appended(
        int index, long baseOffset, long logAppendTimeMs, long logStartOffset) {
      return new PartitionResponse(
          index,
          ErrorCode.NONE.code(),
          baseOffset,
          logAppendTimeMs,
          logStartOffset,
          List.of(),
          null,
          null);
    }

    /** A failed partition with an optional message (v8+). */
    public static PartitionResponse failed(int index, ErrorCode error, String message) {
      return new PartitionResponse(index, error.code(), -1, -1, -1, List.of(), message, null);
    }
  }

  /**
   * One failed batch of a partition (v8+).
   *
   * @param batchIndex index of the record (Kafka: the record within the batch) that failed
   * @param message nullable
   */
  public record RecordError(int batchIndex, String message) {}
}
