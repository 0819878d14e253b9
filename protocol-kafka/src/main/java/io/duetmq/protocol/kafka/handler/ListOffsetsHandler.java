package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.ApiKeys;
import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import io.duetmq.protocol.kafka.codec.ErrorCode;
import io.duetmq.protocol.kafka.codec.ListOffsetsCodec;
import io.duetmq.protocol.kafka.codec.ListOffsetsRequest;
import io.duetmq.protocol.kafka.codec.ListOffsetsResponse;
import io.duetmq.protocol.kafka.codec.ListOffsetsResponse.Partition;
import io.duetmq.protocol.kafka.fetch.TimestampOffsetFinder;
import io.duetmq.protocol.kafka.topic.CatalogMetadataSource;
import io.duetmq.protocol.kafka.topic.KafkaTopicCatalog;
import io.duetmq.protocol.kafka.topic.TopicInfo;
import io.duetmq.store.QueueReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * ListOffsets (key 2), v1–10 (reference §3.5): earliest (-2) and earliest-local (-4) = log start
 * offset, latest (-1) = high watermark (= last stable offset, there are no transactions),
 * latest-tiered (-5) = -1 (no tiered storage), max timestamp (-3) and timestamps ≥ 0 through the
 * {@link TimestampOffsetFinder}. The isolation level changes nothing while there are no
 * transactions. Thread-safe; timestamp lookups scan mapped memory on the calling thread.
 */
public final class ListOffsetsHandler implements KafkaRequestHandler {
  private final KafkaTopicCatalog catalog;
  private final QueueReader reader;
  private final TimestampOffsetFinder finder;

  public ListOffsetsHandler(KafkaTopicCatalog catalog, QueueReader reader) {
    this.catalog = catalog;
    this.reader = reader;
    this.finder = new TimestampOffsetFinder(reader);
  }

  @Override
  public ApiVersionRange versions() {
    return ApiKeys.LIST_OFFSETS.implemented();
  }

  @Override
  public CompletableFuture<KafkaResponse> handle(KafkaRequest request) {
    short version = request.apiVersion();
    ListOffsetsRequest decoded = ListOffsetsCodec.decodeRequest(request.reader(), version);
    List<ListOffsetsResponse.Topic> topics = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ListOffsetsRequest.Topic wanted : decoded.topics()) {
      TopicInfo topic = catalog.find(wanted.name()).orElse(null);
      List<Partition> partitions = new ArrayList<>();
      for (ListOffsetsRequest.Partition p : wanted.partitions()) {
        if (!seen.add(wanted.name() + '\u0000' + p.partitionIndex())) {
          partitions.add(Partition.failed(p.partitionIndex(), ErrorCode.INVALID_REQUEST));
        } else if (topic == null
            || p.partitionIndex() < 0
            || p.partitionIndex() >= topic.partitions()) {
          partitions.add(
              Partition.failed(p.partitionIndex(), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION));
        } else {
          partitions.add(answer(topic, p, version));
        }
      }
      topics.add(new ListOffsetsResponse.Topic(wanted.name(), partitions));
    }
    ListOffsetsResponse response = new ListOffsetsResponse(0, topics);
    return CompletableFuture.completedFuture(
        KafkaResponse.message((w, v) -> ListOffsetsCodec.encodeResponse(w, response, v)));
  }

  private Partition answer(TopicInfo topic, ListOffsetsRequest.Partition p, short version) {
    int index = p.partitionIndex();
    int epoch = CatalogMetadataSource.LEADER_EPOCH;
    if (p.currentLeaderEpoch() > epoch) {
      return Partition.failed(index, ErrorCode.UNKNOWN_LEADER_EPOCH);
    }
    if (p.currentLeaderEpoch() >= 0 && p.currentLeaderEpoch() < epoch) {
      return Partition.failed(index, ErrorCode.FENCED_LEADER_EPOCH);
    }
    String name = topic.name();
    long timestamp = p.timestamp();
    if (timestamp == ListOffsetsRequest.EARLIEST_TIMESTAMP
        || (timestamp == ListOffsetsRequest.EARLIEST_LOCAL_TIMESTAMP && version >= 8)) {
      return Partition.found(index, -1, reader.minOffset(name, index), epoch);
    }
    if (timestamp == ListOffsetsRequest.LATEST_TIMESTAMP) {
      return Partition.found(index, -1, reader.maxOffset(name, index), epoch);
    }
    if (timestamp == ListOffsetsRequest.LATEST_TIERED_TIMESTAMP && version >= 9) {
      return Partition.found(index, -1, -1, -1);
    }
    TimestampOffsetFinder.Found found;
    if (timestamp == ListOffsetsRequest.MAX_TIMESTAMP && version >= 7) {
      found = finder.maxTimestamp(name, index);
    } else if (timestamp >= 0) {
      found = finder.firstAtOrAfter(name, index, timestamp, topic.timestampAfterMaxMs());
    } else {
      return Partition.failed(index, ErrorCode.UNSUPPORTED_VERSION);
    }
    return found == null
        ? Partition.found(index, -1, -1, -1)
        : Partition.found(index, found.timestamp(), found.offset(), epoch);
  }
}
