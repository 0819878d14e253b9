package io.duetmq.protocol.kafka.codec;

import java.util.List;

/** OffsetCommit response (key 8, v2–9, Appendix A.12): an error code per partition. */
public record OffsetCommitResponse(int throttleTimeMs, List<Topic> topics) {
  public OffsetCommitResponse {
    topics = List.copyOf(topics);
  }

  /** The partitions of one topic. */
  public record Topic(String name, List<Partition> partitions) {
    public Topic {
      partitions = List.copyOf(partitions);
    }
  }

  /** One partition's outcome. */
  public record Partition(int partitionIndex, short errorCode) {}
}
