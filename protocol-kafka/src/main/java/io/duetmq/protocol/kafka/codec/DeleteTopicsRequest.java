package io.duetmq.protocol.kafka.codec;

import java.util.List;
import java.util.UUID;

/**
 * DeleteTopics request (key 20, v1–6, reference §3.10, Appendix A.19). v1–5 name topics only; the
 * codec turns those names into {@link Topic}s with the zero id.
 *
 * @param topics the topics to delete
 * @param timeoutMs how long the client waits
 */
public record DeleteTopicsRequest(List<Topic> topics, int timeoutMs) {
  public DeleteTopicsRequest {
    topics = List.copyOf(topics);
  }

  /**
   * One topic, by name or (v6+) by id.
   *
   * @param name nullable in v6+
   * @param topicId the zero uuid when deleting by name
   */
  public record Topic(String name, UUID topicId) {}
}
