package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.KafkaWriter;
import io.netty.buffer.ByteBuf;

/**
 * What a handler answers: a body the server encodes on the connection's thread, an already encoded
 * body, or nothing at all (Produce with acks=0). The server adds the frame size and the response
 * header; handlers write the body only.
 */
public sealed interface KafkaResponse
    permits KafkaResponse.Message, KafkaResponse.Encoded, KafkaResponse.None {

  /** Writes a response body for the request's API version. */
  @FunctionalInterface
  interface BodyEncoder {
    void encode(KafkaWriter writer, short apiVersion);
  }

  /** A body encoded lazily by the server into a buffer it allocates. */
  static KafkaResponse message(BodyEncoder encoder) {
    return new Message(encoder);
  }

  /** A body already encoded; ownership of {@code body} passes to the server, which releases it. */
  static KafkaResponse encoded(ByteBuf body) {
    return new Encoded(body);
  }

  /** No response is written; the next response on the connection follows in order. */
  static KafkaResponse none() {
    return None.INSTANCE;
  }

  /** See {@link #message(BodyEncoder)}. */
  record Message(BodyEncoder encoder) implements KafkaResponse {}

  /** See {@link #encoded(ByteBuf)}. */
  record Encoded(ByteBuf body) implements KafkaResponse {}

  /** See {@link #none()}. */
  enum None implements KafkaResponse {
    INSTANCE
  }
}
