package io.duetmq.protocol.kafka.codec;

import java.util.List;

/**
 * ListOffsets request (key 2, v1–10, reference §3.5, Appendix A.6). Fields a version lacks carry
 * their defaults: isolation level 0 before v2, leader epoch -1 before v4, timeout 0 before v10.
 *
 * @param replicaId -1 for consumers, -2 for debugging tools
 * @param isolationLevel v2+; 0 read_uncommitted, 1 read_committed
 * @param topics the partitions asked for
 * @param timeoutMs v10+
 */
public record ListOffsetsRequest(
    int replicaId, byte isolationLevel, List<Topic> topics, int timeoutMs) {

  /** {@code Timestamp} asking for the high watermark (or LSO for read_committed). */
  public static final long LATEST_TIMESTAMP = -1L;

  /** {@code Timestamp} asking for the log start offset. */
  public static final long EARLIEST_TIMESTAMP = -2L;

  /** {@code Timestamp} asking for the record with the largest timestamp (v7+). */
  public static final long MAX_TIMESTAMP = -3L;

  /** {@code Timestamp} asking for the earliest offset on local storage (v8+). */
  public static final long EARLIEST_LOCAL_TIMESTAMP = -4L;

  /** {@code Timestamp} asking for the latest tiered offset (v9+). */
  public static final long LATEST_TIERED_TIMESTAMP = -5L;

  public ListOffsetsRequest {
    topics = List.copyOf(topics);
  }

  /**
   * One topic.
   *
   * @param name topic name
   * @param partitions partitions asked for
   */
  public record Topic(String name, List<Partition> partitions) {
    public Topic {
      partitions = List.copyOf(partitions);
    }
  }

  /**
   * One partition.
   *
   * @param partitionIndex partition index
   * @param currentLeaderEpoch v4+; -1 = do not check
   * @param timestamp a time in ms, or one of the negative special values
   */
  public record Partition(int partitionIndex, int currentLeaderEpoch, long timestamp) {}
}
