package io.duetmq.protocol.kafka.codec;

import java.util.List;

/**
 * OffsetFetch request (key 9, v1–9, reference §3.8, Appendix A.13). v1–7 ask for one group, which
 * the codec turns into a one-element {@link #groups()}.
 *
 * @param requireStable v7+
 */
public record OffsetFetchRequest(List<Group> groups, boolean requireStable) {
  public OffsetFetchRequest {
    groups = List.copyOf(groups);
  }

  /**
   * One group's question.
   *
   * @param memberId v9+, nullable
   * @param memberEpoch v9+, else -1
   * @param topics null = every committed partition of the group (v2+)
   */
  public record Group(String groupId, String memberId, int memberEpoch, List<Topic> topics) {}

  /** Partitions of one topic. */
  public record Topic(String name, List<Integer> partitionIndexes) {
    public Topic {
      partitionIndexes = List.copyOf(partitionIndexes);
    }
  }
}
