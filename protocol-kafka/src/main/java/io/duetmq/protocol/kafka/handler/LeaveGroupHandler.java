package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.ApiKeys;
import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import io.duetmq.protocol.kafka.codec.ErrorCode;
import io.duetmq.protocol.kafka.codec.LeaveGroupCodec;
import io.duetmq.protocol.kafka.codec.LeaveGroupResponse;
import io.duetmq.protocol.kafka.group.GroupCoordinator;
import java.util.concurrent.CompletableFuture;

/** LeaveGroup (key 13), v0–5, single member or (v3+) a batch. Thread-safe. */
public final class LeaveGroupHandler implements KafkaRequestHandler {
  private final GroupCoordinator coordinator;

  public LeaveGroupHandler(GroupCoordinator coordinator) {
    this.coordinator = coordinator;
  }

  @Override
  public ApiVersionRange versions() {
    return ApiKeys.LEAVE_GROUP.implemented();
  }

  @Override
  public CompletableFuture<KafkaResponse> handle(KafkaRequest request) {
    short version = request.apiVersion();
    LeaveGroupResponse response =
        coordinator.leave(LeaveGroupCodec.decodeRequest(request.reader(), version));
    // v3+: per-member errors and a top level for group-wide problems; v0–2: the one member's error
    response =
        new LeaveGroupResponse(
            0,
            version >= 3 ? ErrorCode.NONE.code() : response.members().get(0).errorCode(),
            response.members());
    LeaveGroupResponse answer = response;
    return CompletableFuture.completedFuture(
        KafkaResponse.message((w, v) -> LeaveGroupCodec.encodeResponse(w, answer, v)));
  }
}
