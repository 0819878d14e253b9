package io.duetmq.protocol.kafka.codec;

import java.util.List;

/**
 * ListOffsets response (key 2, v1–10, reference §3.5, Appendix A.6).
 *
 * @param throttleTimeMs v2+
 * @param topics per-topic answers
 */
public record ListOffsetsResponse(int throttleTimeMs, List<Topic> topics) {
  public ListOffsetsResponse {
    topics = List.copyOf(topics);
  }

  /**
   * Answers for one topic.
   *
   * @param name topic name
   * @param partitions per-partition answers
   */
  public record Topic(String name, List<Partition> partitions) {
    public Topic {
      partitions = List.copyOf(partitions);
    }
  }

  /**
   * Answer for one partition.
   *
   * @param partitionIndex partition index
   * @param errorCode error code
   * @param timestamp timestamp of the found record, or -1
   * @param offset the offset found, or -1
   * @param leaderEpoch v4+; epoch of the returned offset or -1
   */
  public record Partition(
      int partitionIndex, short errorCode, long timestamp, long offset, int leaderEpoch) {

    /** A found offset. */
    public static Partition found(int partitionIndex, long timestamp, long offset, int epoch) {
      return new Partition(partitionIndex, ErrorCode.NONE.code(), timestamp, offset, epoch);
    }

    /** A failed partition (timestamp, offset and epoch -1). */
    public static Partition failed(int partitionIndex, ErrorCode error) {
      return new Partition(partitionIndex, error.code(), -1, -1, -1);
    }
  }
}
