package io.duetmq.protocol.kafka.codec;

import java.util.List;
import java.util.UUID;

/**
 * Metadata response (key 3, reference §3.2, Appendix A.3). A value this record holds for a field
 * that the target version lacks is dropped when encoding; decoding fills such fields with their
 * defaults (throttle 0, controller -1, epoch -1, zero topic id, {@link #OPERATIONS_OMITTED}).
 *
 * @param throttleTimeMs v3+
 * @param brokers live brokers as seen on the client's listener
 * @param clusterId v2+, nullable
 * @param controllerId v1+, must be a live broker id (or -1)
 * @param topics per-topic answers
 * @param clusterAuthorizedOperations v8–10
 * @param errorCode v13+ top-level error
 */
public record MetadataResponse(
    int throttleTimeMs,
    List<Broker> brokers,
    String clusterId,
    int controllerId,
    List<Topic> topics,
    int clusterAuthorizedOperations,
    short errorCode) {

  /** "No id" for topic ids. */
  public static final UUID ZERO_UUID = new UUID(0L, 0L);

  /** Authorized-operations value meaning "not requested / not provided" (INT32_MIN). */
  public static final int OPERATIONS_OMITTED = Integer.MIN_VALUE;

  public MetadataResponse {
    brokers = List.copyOf(brokers);
    topics = List.copyOf(topics);
  }

  /**
   * A broker entry.
   *
   * @param rack v1+, nullable
   */
  public record Broker(int nodeId, String host, int port, String rack) {}

  /**
   * A topic entry.
   *
   * @param name nullable from v12 (unknown topic id lookups)
   * @param topicId v10+, {@link #ZERO_UUID} when unknown
   * @param isInternal v1+
   * @param topicAuthorizedOperations v8+
   */
  public record Topic(
      short errorCode,
      String name,
      UUID topicId,
      boolean isInternal,
      List<Partition> partitions,
      int topicAuthorizedOperations) {
    public Topic {
      if (topicId == null) {
        throw new KafkaCodecException("topic id must not be null for topic " + name);
      }
      partitions = List.copyOf(partitions);
    }
  }

  /**
   * A partition entry.
   *
   * @param leaderId -1 = no leader
   * @param leaderEpoch v7+, -1 = unknown
   * @param offlineReplicas v5+
   */
  public record Partition(
      short errorCode,
      int partitionIndex,
      int leaderId,
      int leaderEpoch,
      List<Integer> replicaNodes,
      List<Integer> isrNodes,
      List<Integer> offlineReplicas) {
    public Partition {
      replicaNodes = List.copyOf(replicaNodes);
      isrNodes = List.copyOf(isrNodes);
      offlineReplicas = List.copyOf(offlineReplicas);
    }
  }
}
