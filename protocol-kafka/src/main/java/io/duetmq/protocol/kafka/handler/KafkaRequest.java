package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.KafkaReader;
import io.duetmq.protocol.kafka.codec.RequestHeader;
import io.netty.buffer.ByteBuf;

/**
 * One decoded request header and its still-encoded body.
 *
 * <p>Buffer ownership: {@code body} belongs to the server and is released as soon as {@link
 * KafkaRequestHandler#handle} returns. A handler decodes it synchronously inside {@code handle}; if
 * it must keep bytes longer (record batches), it calls {@code retain()} on a slice and then owns
 * that reference.
 *
 * @param header the request header
 * @param body the body bytes (reader index at the first body byte)
 */
public record KafkaRequest(RequestHeader header, ByteBuf body) {

  public short apiVersion() {
    return header.apiVersion();
  }

  /** A reader over the body; reading advances the body's reader index. */
  public KafkaReader reader() {
    return new KafkaReader(body);
  }
}
