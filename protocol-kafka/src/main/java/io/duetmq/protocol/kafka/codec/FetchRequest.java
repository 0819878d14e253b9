package io.duetmq.protocol.kafka.codec;

import java.util.List;
import java.util.UUID;

/**
 * Fetch request (key 1, v4–18, reference §3.4, Appendix A.5). Version differences are normalised by
 * the codec: fields a version lacks carry their schema defaults (session id 0 and epoch -1 before
 * v7, rack id "" before v11, leader and fetched epochs -1, log start offset -1, replica id -1, the
 * zero uuid for names/ids the version does not use).
 *
 * @param clusterId v12+ tagged, nullable
 * @param replicaId -1 for consumers; v15+ comes from the tagged {@code ReplicaState}
 * @param replicaEpoch v15+ tagged {@code ReplicaState}; -1 otherwise
 * @param maxWaitMs long-poll bound
 * @param minBytes bytes to wait for
 * @param maxBytes response size bound
 * @param isolationLevel 0 read_uncommitted, 1 read_committed
 * @param sessionId v7+ fetch session id (0 = none)
 * @param sessionEpoch v7+ (-1 = final / sessionless)
 * @param topics the partitions to fetch
 * @param forgottenTopics v7+ partitions to drop from an incremental session
 * @param rackId v11+ the consumer's rack
 */
public record FetchRequest(
    String clusterId,
    int replicaId,
    long replicaEpoch,
    int maxWaitMs,
    int minBytes,
    int maxBytes,
    byte isolationLevel,
    int sessionId,
    int sessionEpoch,
    List<FetchTopic> topics,
    List<ForgottenTopic> forgottenTopics,
    String rackId) {

  public FetchRequest {
    topics = List.copyOf(topics);
    forgottenTopics = List.copyOf(forgottenTopics);
  }

  /** True for read_committed. */
  public boolean readCommitted() {
    return isolationLevel == 1;
  }

  /**
   * One topic to fetch from.
   *
   * @param topic v4–12; null in v13+
   * @param topicId v13+; the zero uuid before
   * @param partitions partitions to fetch
   */
  public record FetchTopic(String topic, UUID topicId, List<FetchPartition> partitions) {
    public FetchTopic {
      partitions = List.copyOf(partitions);
    }
  }

  /**
   * One partition to fetch.
   *
   * @param partition partition index
   * @param currentLeaderEpoch v9+; -1 = do not check
   * @param fetchOffset first offset wanted
   * @param lastFetchedEpoch v12+; -1 = unknown
   * @param logStartOffset v5+; followers only, -1 for consumers
   * @param partitionMaxBytes per-partition size bound
   * @param replicaDirectoryId v17+ tagged; the zero uuid when absent
   * @param highWatermark v18+ tagged; Long.MAX_VALUE when absent
   */
  public record FetchPartition(
      int partition,
      int currentLeaderEpoch,
      long fetchOffset,
      int lastFetchedEpoch,
      long logStartOffset,
      int partitionMaxBytes,
      UUID replicaDirectoryId,
      long highWatermark) {}

  /**
   * Partitions removed from an incremental fetch session.
   *
   * @param topic v7–12; null in v13+
   * @param topicId v13+; the zero uuid before
   * @param partitions partition indexes
   */
  public record ForgottenTopic(String topic, UUID topicId, List<Integer> partitions) {
    public ForgottenTopic {
      partitions = List.copyOf(partitions);
    }
  }
}
