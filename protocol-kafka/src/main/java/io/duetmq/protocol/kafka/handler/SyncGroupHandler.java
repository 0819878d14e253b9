package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.ApiKeys;
import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import io.duetmq.protocol.kafka.codec.SyncGroupCodec;
import io.duetmq.protocol.kafka.group.GroupCoordinator;
import java.util.concurrent.CompletableFuture;

/** SyncGroup (key 14), v0–5: followers' answers wait for the leader's assignment. Thread-safe. */
public final class SyncGroupHandler implements KafkaRequestHandler {
  private final GroupCoordinator coordinator;

  public SyncGroupHandler(GroupCoordinator coordinator) {
    this.coordinator = coordinator;
  }

  @Override
  public ApiVersionRange versions() {
    return ApiKeys.SYNC_GROUP.implemented();
  }

  @Override
  public CompletableFuture<KafkaResponse> handle(KafkaRequest request) {
    return coordinator
        .sync(SyncGroupCodec.decodeRequest(request.reader(), request.apiVersion()))
        .thenApply(r -> KafkaResponse.message((w, v) -> SyncGroupCodec.encodeResponse(w, r, v)));
  }
}
