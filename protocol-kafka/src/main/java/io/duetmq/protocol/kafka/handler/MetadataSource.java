package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.MetadataRequest;
import io.duetmq.protocol.kafka.codec.MetadataResponse;

/**
 * The engine port that answers Metadata requests: brokers as seen on the client's listener, the
 * controller, topics and partition leaders. Called on an event-loop thread, so it must answer from
 * in-memory state without blocking. Must be thread-safe.
 */
@FunctionalInterface
public interface MetadataSource {

  /**
   * The answer to {@code request}. Fields the {@code apiVersion} lacks are dropped when encoding,
   * so the source may fill every field.
   */
  MetadataResponse metadata(MetadataRequest request, int apiVersion);
}
