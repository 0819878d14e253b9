package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.ApiKeys;
import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import io.duetmq.protocol.kafka.codec.ErrorCode;
import io.duetmq.protocol.kafka.codec.ProduceCodec;
import io.duetmq.protocol.kafka.codec.ProduceRequest;
import io.duetmq.protocol.kafka.codec.ProduceResponse;
import io.duetmq.protocol.kafka.codec.ProduceResponse.PartitionResponse;
import io.duetmq.protocol.kafka.producer.AppendOutcome;
import io.duetmq.protocol.kafka.producer.KafkaBatchAppender;
import io.duetmq.protocol.kafka.record.BatchValidationResult;
import io.duetmq.protocol.kafka.record.BatchValidationRules;
import io.duetmq.protocol.kafka.record.RecordBatchValidator;
import io.duetmq.protocol.kafka.topic.KafkaTopicCatalog;
import io.duetmq.protocol.kafka.topic.TopicInfo;
import io.duetmq.store.QueueReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Produce (key 0), v3–12 (v13 names topics by id, which clients only use once Fetch by id is served
 * too; v0–2 are not implemented, see the module README). Each partition's single batch is
 * validated, checked for idempotence and appended as one store record; partitions fail
 * independently. acks=0 gets no response, acks=1 and acks=-1 are answered when every append
 * completed (acks=-1 also waits for the fsync of a SYNC_FLUSH store; there is no replication yet).
 * Produce to an unknown topic answers UNKNOWN_TOPIC_OR_PARTITION, as Kafka does: topics are
 * auto-created by Metadata, which every producer asks first.
 *
 * <p>Thread-safe. Buffer ownership: the decoded request's record slices are released before {@link
 * #handle} returns; the appender holds its own reference while the store reads a batch.
 */
public final class ProduceHandler implements KafkaRequestHandler {
  /** Produce versions served. */
  public static final ApiVersionRange VERSIONS = ApiVersionRange.of(ApiKeys.PRODUCE.id(), 3, 12);

  private final KafkaTopicCatalog catalog;
  private final KafkaBatchAppender appender;
  private final QueueReader reader;

  public ProduceHandler(
      KafkaTopicCatalog catalog, KafkaBatchAppender appender, QueueReader reader) {
    this.catalog = catalog;
    this.appender = appender;
    this.reader = reader;
  }

  @Override
  public ApiVersionRange versions() {
    return VERSIONS;
  }

  @Override
  public CompletableFuture<KafkaResponse> handle(KafkaRequest request) {
    short version = request.apiVersion();
    ProduceRequest decoded = ProduceCodec.decodeRequest(request.reader(), version);
    List<TopicFutures> topics = new ArrayList<>(decoded.topics().size());
    try {
      short acks = decoded.acks();
      boolean validAcks = acks == 0 || acks == 1 || acks == -1;
      for (ProduceRequest.TopicData topicData : decoded.topics()) {
        TopicInfo topic =
            topicData.name() == null ? null : catalog.find(topicData.name()).orElse(null);
        List<CompletableFuture<PartitionResponse>> partitions = new ArrayList<>();
        for (ProduceRequest.PartitionData data : topicData.partitions()) {
          partitions.add(
              validAcks
                  ? produce(topic, data, version, acks == -1)
                  : CompletableFuture.completedFuture(
                      PartitionResponse.failed(
                          data.index(), ErrorCode.INVALID_REQUIRED_ACKS, "acks " + acks)));
        }
        topics.add(new TopicFutures(topicData.name(), partitions));
      }
    } finally {
      decoded.release();
    }
    if (decoded.acks() == 0) {
      return CompletableFuture.completedFuture(KafkaResponse.none());
    }
    List<CompletableFuture<PartitionResponse>> all = new ArrayList<>();
    topics.forEach(t -> all.addAll(t.partitions()));
    return CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]))
        .thenApply(
            done -> {
              List<ProduceResponse.TopicResponse> answers = new ArrayList<>(topics.size());
              for (TopicFutures t : topics) {
                answers.add(
                    new ProduceResponse.TopicResponse(
                        t.name(),
                        null,
                        t.partitions().stream().map(CompletableFuture::join).toList()));
              }
              ProduceResponse response = new ProduceResponse(answers);
              return KafkaResponse.message((w, v) -> ProduceCodec.encodeResponse(w, response, v));
            });
  }

  private CompletableFuture<PartitionResponse> produce(
      TopicInfo topic, ProduceRequest.PartitionData data, short version, boolean acksAll) {
    int index = data.index();
    if (topic == null || index < 0 || index >= topic.partitions()) {
      return CompletableFuture.completedFuture(
          PartitionResponse.failed(index, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, null));
    }
    BatchValidationResult validated =
        RecordBatchValidator.validate(
            data.records(), BatchValidationRules.produce(version, topic.maxMessageBytes()));
    if (!validated.isOk()) {
      return CompletableFuture.completedFuture(
          PartitionResponse.failed(index, validated.status().errorCode(), validated.detail()));
    }
    return appender
        .append(topic, index, data.records(), validated.batches().get(0), acksAll)
        .thenApply(outcome -> response(topic.name(), index, outcome));
  }

  private PartitionResponse response(String topic, int index, AppendOutcome outcome) {
    if (!outcome.isStored()) {
      return PartitionResponse.failed(index, outcome.error(), outcome.message());
    }
    return PartitionResponse.appended(
        index, outcome.baseOffset(), outcome.logAppendTime(), reader.minOffset(topic, index));
  }

  private record TopicFutures(String name, List<CompletableFuture<PartitionResponse>> partitions) {}
}
