package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.ApiKeys;
import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import io.duetmq.protocol.kafka.codec.ErrorCode;
import io.duetmq.protocol.kafka.codec.FetchCodec;
import io.duetmq.protocol.kafka.codec.FetchRequest;
import io.duetmq.protocol.kafka.codec.FetchResponse;
import io.duetmq.protocol.kafka.codec.FetchResponse.PartitionData;
import io.duetmq.protocol.kafka.fetch.DelayedFetchService;
import io.duetmq.protocol.kafka.fetch.PartitionBatchReader;
import io.duetmq.protocol.kafka.topic.KafkaTopicCatalog;
import io.duetmq.protocol.kafka.topic.TopicInfo;
import io.duetmq.protocol.kafka.topic.TopicPartition;
import io.duetmq.store.QueueReader;
import io.netty.buffer.ByteBufAllocator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Fetch (key 1), v4–12 (v13+ name topics by id; not served yet). Sessionless: every request is
 * answered in full with exactly the partitions it lists and session id 0, so Java clients keep
 * sending full fetches and librdkafka never asks for sessions (reference §3.4); an incremental
 * request for a session gets FETCH_SESSION_ID_NOT_FOUND. Long poll: when less than {@code MinBytes}
 * is available the fetch is parked in the {@link DelayedFetchService} and answered when data
 * arrives or {@code MaxWaitMs} passes.
 *
 * <p>Thread-safe; the first read runs on the event loop (non-blocking reads of mapped memory), a
 * parked fetch is re-read and answered on the delayed-fetch thread.
 */
public final class FetchHandler implements KafkaRequestHandler {
  /** Fetch versions served. */
  public static final ApiVersionRange VERSIONS = ApiVersionRange.of(ApiKeys.FETCH.id(), 4, 12);

  private final KafkaTopicCatalog catalog;
  private final PartitionBatchReader batches;
  private final QueueReader reader;
  private final DelayedFetchService delayed;
  private final Clock clock;

  public FetchHandler(
      KafkaTopicCatalog catalog, QueueReader reader, DelayedFetchService delayed, Clock clock) {
    this.catalog = catalog;
    this.batches = new PartitionBatchReader(reader);
    this.reader = reader;
    this.delayed = delayed;
    this.clock = clock;
  }

  @Override
  public ApiVersionRange versions() {
    return VERSIONS;
  }

  @Override
  public CompletableFuture<KafkaResponse> handle(KafkaRequest request) {
    short version = request.apiVersion();
    FetchRequest fetch = FetchCodec.decodeRequest(request.reader(), version);
    if (fetch.sessionId() != 0 && fetch.sessionEpoch() > 0) {
      FetchResponse noSession =
          new FetchResponse(
              0, ErrorCode.FETCH_SESSION_ID_NOT_FOUND.code(), 0, List.of(), List.of());
      return CompletableFuture.completedFuture(encode(noSession, version));
    }
    Attempt first = read(fetch);
    if (first.bytes >= fetch.minBytes() || first.failed || fetch.maxWaitMs() <= 0) {
      return CompletableFuture.completedFuture(encode(first.response, version));
    }
    first.response.release();
    long deadline = clock.millis() + fetch.maxWaitMs();
    return park(fetch, version, deadline);
  }

  private CompletableFuture<KafkaResponse> park(FetchRequest fetch, short version, long deadline) {
    long wait = Math.max(0, deadline - clock.millis());
    return delayed
        .await(partitions(fetch), wait, () -> hasNewData(fetch))
        .thenCompose(
            arrived -> {
              Attempt again = read(fetch);
              if (!arrived
                  || again.bytes >= fetch.minBytes()
                  || again.failed
                  || clock.millis() >= deadline) {
                return CompletableFuture.completedFuture(encode(again.response, version));
              }
              again.response.release();
              return park(fetch, version, deadline);
            });
  }

  private Attempt read(FetchRequest fetch) {
    List<FetchResponse.TopicData> topics = new ArrayList<>(fetch.topics().size());
    long bytes = 0;
    boolean failed = false;
    for (FetchRequest.FetchTopic wanted : fetch.topics()) {
      TopicInfo topic = catalog.find(wanted.topic()).orElse(null);
      List<PartitionData> partitions = new ArrayList<>(wanted.partitions().size());
      for (FetchRequest.FetchPartition p : wanted.partitions()) {
        PartitionData data;
        if (topic == null || p.partition() < 0 || p.partition() >= topic.partitions()) {
          data = PartitionData.failed(p.partition(), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        } else {
          long remaining = Math.max(0, (long) fetch.maxBytes() - bytes);
          data =
              batches.read(
                  topic.name(),
                  p.partition(),
                  p.currentLeaderEpoch(),
                  p.fetchOffset(),
                  (int) Math.min(p.partitionMaxBytes(), remaining),
                  bytes == 0,
                  fetch.readCommitted());
        }
        failed |= data.errorCode() != ErrorCode.NONE.code();
        bytes += data.recordsSize();
        partitions.add(data);
      }
      topics.add(new FetchResponse.TopicData(wanted.topic(), null, partitions));
    }
    return new Attempt(new FetchResponse(topics), bytes, failed);
  }

  private boolean hasNewData(FetchRequest fetch) {
    for (FetchRequest.FetchTopic topic : fetch.topics()) {
      for (FetchRequest.FetchPartition p : topic.partitions()) {
        if (reader.maxOffset(topic.topic(), p.partition()) > p.fetchOffset()) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<TopicPartition> partitions(FetchRequest fetch) {
    List<TopicPartition> list = new ArrayList<>();
    for (FetchRequest.FetchTopic topic : fetch.topics()) {
      for (FetchRequest.FetchPartition p : topic.partitions()) {
        list.add(new TopicPartition(topic.topic(), p.partition()));
      }
    }
    return list;
  }

  private static KafkaResponse encode(FetchResponse response, short version) {
    return KafkaResponse.encoded(
        FetchCodec.encodeResponse(ByteBufAllocator.DEFAULT, response, version));
  }

  private record Attempt(FetchResponse response, long bytes, boolean failed) {}
}
