package io.duetmq.protocol.kafka.codec;

import java.util.List;

/**
 * CreatePartitions request (key 37, v0–3, reference §3.10, Appendix A.20).
 *
 * @param topics the topics to grow
 * @param timeoutMs how long the client waits
 * @param validateOnly check only, change nothing
 */
public record CreatePartitionsRequest(List<Topic> topics, int timeoutMs, boolean validateOnly) {
  public CreatePartitionsRequest {
    topics = List.copyOf(topics);
  }

  /**
   * One topic.
   *
   * @param count the new total partition count
   * @param assignments nullable; one broker list per new partition
   */
  public record Topic(String name, int count, List<List<Integer>> assignments) {
    public Topic {
      assignments = assignments == null ? null : List.copyOf(assignments);
    }
  }
}
