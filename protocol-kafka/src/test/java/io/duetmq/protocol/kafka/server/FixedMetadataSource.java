package io.duetmq.protocol.kafka.server;

import io.duetmq.protocol.kafka.codec.ErrorCode;
import io.duetmq.protocol.kafka.codec.MetadataRequest;
import io.duetmq.protocol.kafka.codec.MetadataResponse;
import io.duetmq.protocol.kafka.handler.MetadataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * A fake engine: one broker (node 1, the server's own address), itself the controller, and a fixed
 * set of single-replica topics.
 */
final class FixedMetadataSource implements MetadataSource {
  static final int NODE_ID = 1;
  static final String CLUSTER_ID = "duetmq-test-cluster";

  private final IntSupplier port;
  private final Map<String, Integer> partitionsByTopic;

  FixedMetadataSource(IntSupplier port, Map<String, Integer> partitionsByTopic) {
    this.port = port;
    this.partitionsByTopic = Map.copyOf(partitionsByTopic);
  }

  @Override
  public MetadataResponse metadata(MetadataRequest request, int apiVersion) {
    List<String> names =
        request.allTopics()
            ? partitionsByTopic.keySet().stream().sorted().toList()
            : request.topics().stream().map(MetadataRequest.RequestTopic::name).toList();
    List<MetadataResponse.Topic> topics = new ArrayList<>();
    for (String name : names) {
      Integer count = partitionsByTopic.get(name);
      topics.add(count == null ? unknown(name) : topic(name, count));
    }
    return new MetadataResponse(
        0,
        List.of(new MetadataResponse.Broker(NODE_ID, "127.0.0.1", port.getAsInt(), null)),
        CLUSTER_ID,
        NODE_ID,
        topics,
        MetadataResponse.OPERATIONS_OMITTED,
        (short) 0);
  }

  private static MetadataResponse.Topic topic(String name, int partitionCount) {
    List<MetadataResponse.Partition> partitions = new ArrayList<>();
    for (int i = 0; i < partitionCount; i++) {
      partitions.add(
          new MetadataResponse.Partition(
              (short) 0, i, NODE_ID, 0, List.of(NODE_ID), List.of(NODE_ID), List.of()));
    }
    UUID id = UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return new MetadataResponse.Topic(
        (short) 0, name, id, false, partitions, MetadataResponse.OPERATIONS_OMITTED);
  }

  private static MetadataResponse.Topic unknown(String name) {
    return new MetadataResponse.Topic(
        ErrorCode.UNKNOWN_TOPIC_OR_PARTITION.code(),
        name,
        MetadataResponse.ZERO_UUID,
        false,
        List.of(),
        MetadataResponse.OPERATIONS_OMITTED);
  }
}
