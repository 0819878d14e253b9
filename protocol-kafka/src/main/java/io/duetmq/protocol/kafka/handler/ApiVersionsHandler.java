package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.ApiKeys;
import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import io.duetmq.protocol.kafka.codec.ApiVersionsCodec;
import io.duetmq.protocol.kafka.codec.ApiVersionsResponse;
import io.duetmq.protocol.kafka.codec.ErrorCode;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * ApiVersions (key 18): advertises the ranges of the registered handlers. Sees every requested
 * version: one it does not implement is answered with UNSUPPORTED_VERSION in the v0 layout without
 * reading the body (reference §1.6); the response header is v0 in every case. Client software
 * name/version are not validated (lenient, reference §1.6). Immutable and thread-safe.
 */
public final class ApiVersionsHandler implements KafkaRequestHandler {
  private final List<ApiVersionRange> advertised;

  /** {@code advertised} must be sorted by key and include ApiVersions' own range. */
  public ApiVersionsHandler(List<ApiVersionRange> advertised) {
    this.advertised = List.copyOf(advertised);
  }

  @Override
  public ApiVersionRange versions() {
    return ApiKeys.API_VERSIONS.implemented();
  }

  @Override
  public CompletableFuture<KafkaResponse> handle(KafkaRequest request) {
    short version = request.apiVersion();
    if (!ApiKeys.API_VERSIONS.isImplemented(version)) {
      ApiVersionsResponse fallback =
          ApiVersionsResponse.of(ErrorCode.UNSUPPORTED_VERSION.code(), advertised);
      return CompletableFuture.completedFuture(
          KafkaResponse.message((w, v) -> ApiVersionsCodec.encodeResponse(w, fallback, (short) 0)));
    }
    ApiVersionsCodec.decodeRequest(request.reader(), version);
    ApiVersionsResponse response = ApiVersionsResponse.of(ErrorCode.NONE.code(), advertised);
    return CompletableFuture.completedFuture(
        KafkaResponse.message((w, v) -> ApiVersionsCodec.encodeResponse(w, response, v)));
  }
}
