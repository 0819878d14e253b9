package io.duetmq.protocol.kafka.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.function.Consumer;
import java.util.function.Function;

/** Test helpers: encode with a writer into bytes, decode bytes with a reader. */
final class Bytes {
  private Bytes() {}

  static byte[] encode(Consumer<KafkaWriter> body) {
    ByteBuf buf = Unpooled.buffer();
    try {
      body.accept(new KafkaWriter(buf));
      byte[] out = new byte[buf.readableBytes()];
      buf.readBytes(out);
      return out;
    } finally {
      buf.release();
    }
  }

  /** Decodes and requires that every byte was consumed. */
  static <T> T decodeFully(byte[] bytes, Function<KafkaReader, T> body) {
    ByteBuf buf = Unpooled.wrappedBuffer(bytes);
    try {
      KafkaReader reader = new KafkaReader(buf);
      T value = body.apply(reader);
      if (reader.remaining() != 0) {
        throw new AssertionError(reader.remaining() + " bytes left unread");
      }
      return value;
    } finally {
      buf.release();
    }
  }

  static <T> T roundTrip(Consumer<KafkaWriter> write, Function<KafkaReader, T> read) {
    return decodeFully(encode(write), read);
  }

  static byte[] of(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }
}
