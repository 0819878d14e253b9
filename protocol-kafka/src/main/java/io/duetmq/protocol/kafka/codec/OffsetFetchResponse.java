package io.duetmq.protocol.kafka.codec;

import java.util.List;

/**
 * OffsetFetch response (key 9, v1–9, Appendix A.13). v1–7 encode the first group in the top-level
 * fields.
 */
public record OffsetFetchResponse(int throttleTimeMs, List<Group> groups) {
  public OffsetFetchResponse {
    groups = List.copyOf(groups);
  }

  /** One group's answer. */
  public record Group(String groupId, List<Topic> topics, short errorCode) {
    public Group {
      topics = List.copyOf(topics);
    }
  }

  /** Partitions of one topic. */
  public record Topic(String name, List<Partition> partitions) {
    public Topic {
      partitions = List.copyOf(partitions);
    }
  }

  /**
   * One partition's committed position.
   *
   * @param offset -1 if none
   * @param leaderEpoch v5+, -1 if none
   * @param metadata "" if none
   */
  public record Partition(
      int partitionIndex, long offset, int leaderEpoch, String metadata, short errorCode) {}
}
