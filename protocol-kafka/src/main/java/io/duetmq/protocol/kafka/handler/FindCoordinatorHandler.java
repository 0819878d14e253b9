package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.ApiKeys;
import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import io.duetmq.protocol.kafka.codec.ErrorCode;
import io.duetmq.protocol.kafka.codec.FindCoordinatorCodec;
import io.duetmq.protocol.kafka.codec.FindCoordinatorRequest;
import io.duetmq.protocol.kafka.codec.FindCoordinatorResponse;
import io.duetmq.protocol.kafka.topic.BrokerIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * FindCoordinator (key 10), v0–6 (reference §3.6): this broker coordinates every group, so every
 * group key maps to it (a stable mapping by construction). Transaction (1) and share (2) keys get
 * COORDINATOR_NOT_AVAILABLE (no transactions yet), other key types INVALID_REQUEST. Thread-safe.
 */
public final class FindCoordinatorHandler implements KafkaRequestHandler {
  private final Supplier<BrokerIdentity> identity;

  public FindCoordinatorHandler(Supplier<BrokerIdentity> identity) {
    this.identity = identity;
  }

  @Override
  public ApiVersionRange versions() {
    return ApiKeys.FIND_COORDINATOR.implemented();
  }

  @Override
  public CompletableFuture<KafkaResponse> handle(KafkaRequest request) {
    FindCoordinatorRequest decoded =
        FindCoordinatorCodec.decodeRequest(request.reader(), request.apiVersion());
    BrokerIdentity self = identity.get();
    List<FindCoordinatorResponse.Coordinator> answers = new ArrayList<>();
    for (String key : decoded.keys()) {
      if (decoded.keyType() == FindCoordinatorRequest.GROUP) {
        answers.add(
            new FindCoordinatorResponse.Coordinator(
                key, self.nodeId(), self.host(), self.port(), ErrorCode.NONE.code(), null));
      } else {
        ErrorCode error =
            decoded.keyType() == 1 || decoded.keyType() == 2
                ? ErrorCode.COORDINATOR_NOT_AVAILABLE
                : ErrorCode.INVALID_REQUEST;
        answers.add(
            new FindCoordinatorResponse.Coordinator(
                key, -1, "", -1, error.code(), "no coordinator for key type " + decoded.keyType()));
      }
    }
    FindCoordinatorResponse response = new FindCoordinatorResponse(0, answers);
    return CompletableFuture.completedFuture(
        KafkaResponse.message((w, v) -> FindCoordinatorCodec.encodeResponse(w, response, v)));
  }
}
