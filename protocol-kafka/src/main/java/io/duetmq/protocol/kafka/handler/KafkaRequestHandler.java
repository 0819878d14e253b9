package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import java.util.concurrent.CompletableFuture;

/**
 * Serves one API key. The server calls {@link #handle} on the connection's event-loop thread only
 * for versions within {@link #versions()} (ApiVersions excepted: it sees every version), so
 * implementations must not block: work that waits completes the future later, from any thread.
 *
 * <p>Decode errors are thrown from {@code handle} as {@code KafkaCodecException}; the server then
 * closes the connection. A future completed exceptionally also closes the connection.
 */
public interface KafkaRequestHandler {

  /** The API key and versions served; exactly what ApiVersions advertises for this key. */
  ApiVersionRange versions();

  /**
   * Handles one request. The request body is only valid until this method returns (see {@link
   * KafkaRequest}).
   */
  CompletableFuture<KafkaResponse> handle(KafkaRequest request);
}
