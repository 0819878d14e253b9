package io.duetmq.protocol.kafka.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.function.Consumer;

/**
 * One tagged field as it travels: its tag number and the already encoded value bytes (reference
 * §1.3). Immutable by convention: the array is not copied, callers must not modify it.
 *
 * @param tag the tag number, taken as unsigned
 * @param data the field's encoded value
 */
public record RawTaggedField(int tag, byte[] data) {
  public RawTaggedField {
    if (data == null) {
      throw new KafkaCodecException("tagged field " + tag + " has null data");
    }
  }

  /** Encodes a value with {@code body} into a fresh heap buffer and wraps the bytes as a field. */
  public static RawTaggedField encode(int tag, Consumer<KafkaWriter> body) {
    ByteBuf tmp = Unpooled.buffer();
    try {
      body.accept(new KafkaWriter(tmp));
      byte[] bytes = new byte[tmp.readableBytes()];
      tmp.readBytes(bytes);
      return new RawTaggedField(tag, bytes);
    } finally {
      tmp.release();
    }
  }
}
