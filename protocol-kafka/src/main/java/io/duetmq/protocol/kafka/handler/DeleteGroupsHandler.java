package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.ApiKeys;
import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import io.duetmq.protocol.kafka.codec.DeleteGroupsCodec;
import io.duetmq.protocol.kafka.codec.ErrorCode;
import io.duetmq.protocol.kafka.group.CommittedOffsets;
import io.duetmq.protocol.kafka.group.GroupCoordinator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * DeleteGroups (key 42), v0–2 (reference §3.9): NON_EMPTY_GROUP while members exist; otherwise the
 * group's state and all its committed offsets go (also a RocketMQ group's of that name: one offset
 * store); GROUP_ID_NOT_FOUND when neither exists. Thread-safe.
 */
public final class DeleteGroupsHandler implements KafkaRequestHandler {
  private final GroupCoordinator coordinator;
  private final CommittedOffsets offsets;

  public DeleteGroupsHandler(GroupCoordinator coordinator, CommittedOffsets offsets) {
    this.coordinator = coordinator;
    this.offsets = offsets;
  }

  @Override
  public ApiVersionRange versions() {
    return ApiKeys.DELETE_GROUPS.implemented();
  }

  @Override
  public CompletableFuture<KafkaResponse> handle(KafkaRequest request) {
    List<DeleteGroupsCodec.Result> results = new ArrayList<>();
    for (String id : DeleteGroupsCodec.decodeRequest(request.reader(), request.apiVersion())) {
      results.add(new DeleteGroupsCodec.Result(id, delete(id).code()));
    }
    return CompletableFuture.completedFuture(
        KafkaResponse.message((w, v) -> DeleteGroupsCodec.encodeResponse(w, results, v)));
  }

  private ErrorCode delete(String id) {
    if (id.isEmpty()) {
      return ErrorCode.INVALID_GROUP_ID;
    }
    boolean known = coordinator.snapshot(id).isPresent();
    return coordinator.delete(
        id,
        g -> {
          if (!known && !offsets.hasOffsets(g)) {
            return ErrorCode.GROUP_ID_NOT_FOUND;
          }
          offsets.removeGroup(g);
          return ErrorCode.NONE;
        });
  }
}
