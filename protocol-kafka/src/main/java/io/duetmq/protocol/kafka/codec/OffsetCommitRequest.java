package io.duetmq.protocol.kafka.codec;

import java.util.List;

/**
 * OffsetCommit request (key 8, v2–9, reference §3.8, Appendix A.12).
 *
 * @param generationId -1 for a simple (generation-less) commit
 * @param memberId "" for a simple commit
 * @param groupInstanceId v7+, nullable
 * @param retentionTimeMs v2–4, else -1; ignored
 */
public record OffsetCommitRequest(
    String groupId,
    int generationId,
    String memberId,
    String groupInstanceId,
    long retentionTimeMs,
    List<Topic> topics) {
  public OffsetCommitRequest {
    topics = List.copyOf(topics);
  }

  /** The partitions of one topic, named exactly as the client sent it. */
  public record Topic(String name, List<Partition> partitions) {
    public Topic {
      partitions = List.copyOf(partitions);
    }
  }

  /**
   * One committed position.
   *
   * @param leaderEpoch v6+, else -1
   * @param metadata nullable
   */
  public record Partition(int partitionIndex, long offset, int leaderEpoch, String metadata) {}
}
