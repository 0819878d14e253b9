package io.duetmq.protocol.kafka.codec;

import java.util.List;
import java.util.UUID;

/**
 * Metadata request (key 3, reference §3.2, Appendix A.3). Version differences are normalised by the
 * codec: a v0 empty topic array decodes as {@code topics == null} ("all topics"), and {@code
 * allowAutoTopicCreation} is true for v0–3 where it is implicit.
 *
 * @param topics the topics asked for; null = all topics, empty = none (v1+)
 * @param allowAutoTopicCreation v4+, implicitly true before
 * @param includeClusterAuthorizedOperations v8–10
 * @param includeTopicAuthorizedOperations v8+
 */
public record MetadataRequest(
    List<RequestTopic> topics,
    boolean allowAutoTopicCreation,
    boolean includeClusterAuthorizedOperations,
    boolean includeTopicAuthorizedOperations) {

  public MetadataRequest {
    topics = topics == null ? null : List.copyOf(topics);
  }

  /** True when the client asks for every topic. */
  public boolean allTopics() {
    return topics == null;
  }

  /**
   * One requested topic.
   *
   * @param topicId v10+; the zero uuid when asking by name
   * @param name nullable from v10; for a lookup by id (v12+) the Java 4.1 client sends "" here, so
   *     a non-zero id with a null or empty name means "by id"
   */
  public record RequestTopic(UUID topicId, String name) {
    public RequestTopic {
      if (topicId == null) {
        throw new KafkaCodecException("topic id must not be null for topic " + name);
      }
    }

    public static RequestTopic byName(String name) {
      return new RequestTopic(MetadataResponse.ZERO_UUID, name);
    }
  }
}
