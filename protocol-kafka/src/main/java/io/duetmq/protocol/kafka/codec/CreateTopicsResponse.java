package io.duetmq.protocol.kafka.codec;

import java.util.List;
import java.util.UUID;

/**
 * CreateTopics response (key 19, v2–7, reference §3.10, Appendix A.18).
 *
 * @param throttleTimeMs quota throttle
 * @param topics one result per requested topic
 */
public record CreateTopicsResponse(int throttleTimeMs, List<TopicResult> topics) {
  public CreateTopicsResponse {
    topics = List.copyOf(topics);
  }

  /**
   * The result for one topic.
   *
   * @param topicId v7+; the zero uuid on error
   * @param errorMessage nullable
   * @param numPartitions v5+; -1 on error
   * @param replicationFactor v5+; -1 on error
   * @param configs v5+; every config of the new topic, null on error
   */
  public record TopicResult(
      String name,
      UUID topicId,
      short errorCode,
      String errorMessage,
      int numPartitions,
      short replicationFactor,
      List<ConfigEntry> configs) {
    public TopicResult {
      topicId = topicId == null ? MetadataResponse.ZERO_UUID : topicId;
      configs = configs == null ? null : List.copyOf(configs);
    }

    /** A failed topic. */
    public static TopicResult failed(String name, ErrorCode error, String message) {
      return new TopicResult(name, null, error.code(), message, -1, (short) -1, null);
    }
  }

  /**
   * One config of a created topic (v5+).
   *
   * @param value nullable
   * @param configSource Kafka's ConfigSource (1 topic override, 5 default)
   */
  public record ConfigEntry(
      String name, String value, boolean readOnly, byte configSource, boolean isSensitive) {}
}
