package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.ApiKeys;
import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import io.duetmq.protocol.kafka.codec.MetadataCodec;
import io.duetmq.protocol.kafka.codec.MetadataRequest;
import io.duetmq.protocol.kafka.codec.MetadataResponse;
import java.util.concurrent.CompletableFuture;

/**
 * Metadata (key 3): decodes the request and encodes what the {@link MetadataSource} answers. The
 * metadata logic itself lives behind the source. Thread-safe if the source is.
 */
public final class MetadataHandler implements KafkaRequestHandler {
  private final MetadataSource source;

  public MetadataHandler(MetadataSource source) {
    this.source = source;
  }

  @Override
  public ApiVersionRange versions() {
    return ApiKeys.METADATA.implemented();
  }

  @Override
  public CompletableFuture<KafkaResponse> handle(KafkaRequest request) {
    short version = request.apiVersion();
    MetadataRequest decoded = MetadataCodec.decodeRequest(request.reader(), version);
    MetadataResponse response = source.metadata(decoded, version);
    return CompletableFuture.completedFuture(
        KafkaResponse.message((w, v) -> MetadataCodec.encodeResponse(w, response, v)));
  }
}
