package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.ApiKeys;
import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import io.duetmq.protocol.kafka.codec.ErrorCode;
import io.duetmq.protocol.kafka.codec.HeartbeatCodec;
import io.duetmq.protocol.kafka.group.GroupCoordinator;
import java.util.concurrent.CompletableFuture;

/** Heartbeat (key 12), v0–4: answered at once by the {@link GroupCoordinator}. Thread-safe. */
public final class HeartbeatHandler implements KafkaRequestHandler {
  private final GroupCoordinator coordinator;

  public HeartbeatHandler(GroupCoordinator coordinator) {
    this.coordinator = coordinator;
  }

  @Override
  public ApiVersionRange versions() {
    return ApiKeys.HEARTBEAT.implemented();
  }

  @Override
  public CompletableFuture<KafkaResponse> handle(KafkaRequest request) {
    ErrorCode error =
        coordinator.heartbeat(HeartbeatCodec.decodeRequest(request.reader(), request.apiVersion()));
    return CompletableFuture.completedFuture(
        KafkaResponse.message((w, v) -> HeartbeatCodec.encodeResponse(w, error.code(), v)));
  }
}
