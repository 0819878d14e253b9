package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.ApiKeys;
import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import io.duetmq.protocol.kafka.codec.ErrorCode;
import io.duetmq.protocol.kafka.codec.InitProducerIdCodec;
import io.duetmq.protocol.kafka.codec.InitProducerIdRequest;
import io.duetmq.protocol.kafka.codec.InitProducerIdResponse;
import io.duetmq.protocol.kafka.producer.ProducerIdAllocator;
import java.util.concurrent.CompletableFuture;

/**
 * InitProducerId (key 22), v0–5, for idempotent producers: every request with a null transactional
 * id gets a fresh, never reused producer id with epoch 0 (as Kafka's coordinator does, also when
 * the request names a current id). Transactional ids are refused with
 * TRANSACTIONAL_ID_AUTHORIZATION_FAILED until transactions exist (a fatal, explicit error rather
 * than a retry loop). Thread-safe.
 */
public final class InitProducerIdHandler implements KafkaRequestHandler {
  private final ProducerIdAllocator ids;

  public InitProducerIdHandler(ProducerIdAllocator ids) {
    this.ids = ids;
  }

  @Override
  public ApiVersionRange versions() {
    return ApiKeys.INIT_PRODUCER_ID.implemented();
  }

  @Override
  public CompletableFuture<KafkaResponse> handle(KafkaRequest request) {
    InitProducerIdRequest decoded =
        InitProducerIdCodec.decodeRequest(request.reader(), request.apiVersion());
    InitProducerIdResponse response =
        decoded.transactionalId() != null
            ? InitProducerIdResponse.failed(ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED)
            : InitProducerIdResponse.of(ids.nextId(), (short) 0);
    return CompletableFuture.completedFuture(
        KafkaResponse.message((w, v) -> InitProducerIdCodec.encodeResponse(w, response, v)));
  }
}
