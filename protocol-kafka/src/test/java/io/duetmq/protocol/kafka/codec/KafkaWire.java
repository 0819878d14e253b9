package io.duetmq.protocol.kafka.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;

/** Test helpers for golden round trips against kafka-clients' request and response classes. */
final class KafkaWire {
  private KafkaWire() {}

  /** The body bytes kafka-clients writes for {@code request} (no header). */
  static byte[] body(AbstractRequest request) {
    ByteBuffer buffer = request.serialize().buffer();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  /** Decodes {@code bytes} with {@code decoder} and requires every byte to be consumed. */
  static <T> T decodeFully(byte[] bytes, Function<KafkaReader, T> decoder) {
    ByteBuf buf = Unpooled.wrappedBuffer(bytes);
    try {
      KafkaReader reader = new KafkaReader(buf);
      T value = decoder.apply(reader);
      assertThat(reader.remaining()).as("unread bytes").isZero();
      return value;
    } finally {
      buf.release();
    }
  }

  /**
   * Writes our response header (version chosen by our {@link ApiKeys}) and body, then lets
   * kafka-clients parse both as the answer to a request of {@code kafkaApi} at {@code version}.
   */
  @SuppressWarnings("unchecked") // the caller names the concrete response type of kafkaApi
  static <R extends AbstractResponse> R parseOurResponse(
      ApiKeys ourApi,
      org.apache.kafka.common.protocol.ApiKeys kafkaApi,
      short version,
      Consumer<KafkaWriter> body) {
    assertThat(ourApi.id()).isEqualTo(kafkaApi.id);
    byte[] bytes =
        Bytes.encode(
            w -> {
              new ResponseHeader(77, ourApi.responseHeaderVersion(version)).encode(w);
              body.accept(w);
            });
    return parseResponseBytes(kafkaApi, version, bytes);
  }

  /** kafka-clients' parse of a response frame (header + body) without the size prefix. */
  @SuppressWarnings("unchecked") // the caller names the concrete response type of kafkaApi
  static <R extends AbstractResponse> R parseResponseBytes(
      org.apache.kafka.common.protocol.ApiKeys kafkaApi, short version, byte[] headerAndBody) {
    var header = new org.apache.kafka.common.requests.RequestHeader(kafkaApi, version, "c", 77);
    return (R) AbstractResponse.parseResponse(ByteBuffer.wrap(headerAndBody), header);
  }
}
