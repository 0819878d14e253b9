package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.ApiKeys;
import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import io.duetmq.protocol.kafka.codec.ErrorCode;
import io.duetmq.protocol.kafka.codec.OffsetCommitCodec;
import io.duetmq.protocol.kafka.codec.OffsetCommitRequest;
import io.duetmq.protocol.kafka.codec.OffsetCommitResponse;
import io.duetmq.protocol.kafka.group.CommittedOffsets;
import io.duetmq.protocol.kafka.group.GroupCoordinator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * OffsetCommit (key 8), v2–9 (reference §3.8): the group-level check by the coordinator (a group
 * error is repeated in every partition), then per-partition commits into the shared offset store.
 * Answers once the store has taken every offset. Thread-safe.
 */
public final class OffsetCommitHandler implements KafkaRequestHandler {
  private final GroupCoordinator coordinator;
  private final CommittedOffsets offsets;

  public OffsetCommitHandler(GroupCoordinator coordinator, CommittedOffsets offsets) {
    this.coordinator = coordinator;
    this.offsets = offsets;
  }

  @Override
  public ApiVersionRange versions() {
    return ApiKeys.OFFSET_COMMIT.implemented();
  }

  @Override
  public CompletableFuture<KafkaResponse> handle(KafkaRequest request) {
    short version = request.apiVersion();
    OffsetCommitRequest decoded = OffsetCommitCodec.decodeRequest(request.reader(), version);
    ErrorCode error =
        decoded.groupId().isEmpty()
            ? ErrorCode.INVALID_GROUP_ID
            : coordinator.validateCommit(
                decoded.groupId(),
                decoded.generationId(),
                decoded.memberId(),
                decoded.groupInstanceId(),
                version);
    CompletableFuture<List<OffsetCommitResponse.Topic>> topics =
        error == ErrorCode.NONE
            ? offsets.commit(decoded.groupId(), decoded.topics())
            : CompletableFuture.completedFuture(everyPartition(decoded, error));
    return topics.thenApply(
        t -> {
          OffsetCommitResponse response = new OffsetCommitResponse(0, t);
          return KafkaResponse.message((w, v) -> OffsetCommitCodec.encodeResponse(w, response, v));
        });
  }

  private static List<OffsetCommitResponse.Topic> everyPartition(
      OffsetCommitRequest request, ErrorCode error) {
    List<OffsetCommitResponse.Topic> topics = new ArrayList<>();
    for (OffsetCommitRequest.Topic topic : request.topics()) {
      topics.add(
          new OffsetCommitResponse.Topic(
              topic.name(),
              topic.partitions().stream()
                  .map(p -> new OffsetCommitResponse.Partition(p.partitionIndex(), error.code()))
                  .toList()));
    }
    return topics;
  }
}
