package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.ApiKeys;
import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import io.duetmq.protocol.kafka.codec.JoinGroupCodec;
import io.duetmq.protocol.kafka.codec.JoinGroupRequest;
import io.duetmq.protocol.kafka.group.GroupCoordinator;
import java.util.concurrent.CompletableFuture;

/**
 * JoinGroup (key 11), v0–9: decodes and hands over to the {@link GroupCoordinator}; the answer may
 * complete much later (delayed joins). Thread-safe.
 */
public final class JoinGroupHandler implements KafkaRequestHandler {
  private final GroupCoordinator coordinator;

  public JoinGroupHandler(GroupCoordinator coordinator) {
    this.coordinator = coordinator;
  }

  @Override
  public ApiVersionRange versions() {
    return ApiKeys.JOIN_GROUP.implemented();
  }

  @Override
  public CompletableFuture<KafkaResponse> handle(KafkaRequest request) {
    JoinGroupRequest decoded = JoinGroupCodec.decodeRequest(request.reader(), request.apiVersion());
    String clientId = request.header().clientId() == null ? "" : request.header().clientId();
    return coordinator
        .join(decoded, request.apiVersion(), clientId, "")
        .thenApply(r -> KafkaResponse.message((w, v) -> JoinGroupCodec.encodeResponse(w, r, v)));
  }
}
