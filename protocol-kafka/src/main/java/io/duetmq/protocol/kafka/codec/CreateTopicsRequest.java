package io.duetmq.protocol.kafka.codec;

import java.util.List;

/**
 * CreateTopics request (key 19, v2–7, reference §3.10, Appendix A.18).
 *
 * @param topics the topics to create
 * @param timeoutMs how long the client waits
 * @param validateOnly check only, create nothing
 */
public record CreateTopicsRequest(List<Topic> topics, int timeoutMs, boolean validateOnly) {
  public CreateTopicsRequest {
    topics = List.copyOf(topics);
  }

  /**
   * One topic to create.
   *
   * @param numPartitions -1 = broker default (v4+)
   * @param replicationFactor -1 = broker default (v4+)
   * @param assignments manual placement (then both counts must be -1)
   * @param configs config overrides in request order
   */
  public record Topic(
      String name,
      int numPartitions,
      short replicationFactor,
      List<Assignment> assignments,
      List<Config> configs) {
    public Topic {
      assignments = List.copyOf(assignments);
      configs = List.copyOf(configs);
    }
  }

  /** A manual assignment of one partition. */
  public record Assignment(int partitionIndex, List<Integer> brokerIds) {
    public Assignment {
      brokerIds = List.copyOf(brokerIds);
    }
  }

  /**
   * A config override.
   *
   * @param value nullable
   */
  public record Config(String name, String value) {}
}
