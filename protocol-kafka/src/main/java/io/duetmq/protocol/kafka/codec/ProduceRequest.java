package io.duetmq.protocol.kafka.codec;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.UUID;

/**
 * Produce request (key 0, v3–13, reference §3.3, Appendix A.4). Each partition's {@code records} is
 * a retained, uncopied slice of the request frame; nothing in it has been parsed (validate it with
 * {@code RecordBatchValidator}).
 *
 * <p>Buffer ownership: the request owns one reference to every non-null {@code records} slice. The
 * holder must call {@link #release()} exactly once when it is done with all of them — or take over
 * single slices by {@code retain()}ing them before releasing the request. Not thread-safe to
 * release concurrently.
 *
 * @param transactionalId nullable
 * @param acks 0, 1 or -1 as sent (not validated: the handler answers {@code INVALID_REQUIRED_ACKS})
 * @param timeoutMs replication wait bound
 * @param topics the topics in request order
 */
public record ProduceRequest(
    String transactionalId, short acks, int timeoutMs, List<TopicData> topics) {

  public ProduceRequest {
    topics = List.copyOf(topics);
  }

  /** Releases every records slice (once). */
  public void release() {
    for (TopicData topic : topics) {
      for (PartitionData partition : topic.partitions()) {
        if (partition.records() != null) {
          partition.records().release();
        }
      }
    }
  }

  /**
   * Records for one topic.
   *
   * @param name v3–12; null in v13+
   * @param topicId v13+; the zero uuid before
   * @param partitions the partitions in request order
   */
  public record TopicData(String name, UUID topicId, List<PartitionData> partitions) {
    public TopicData {
      partitions = List.copyOf(partitions);
    }
  }

  /**
   * Records for one partition.
   *
   * @param index the partition index
   * @param records the records payload (retained slice, owned by the request); null if the client
   *     sent null
   */
  public record PartitionData(int index, ByteBuf records) {}
}
