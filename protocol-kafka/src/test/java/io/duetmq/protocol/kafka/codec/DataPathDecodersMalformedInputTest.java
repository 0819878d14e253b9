package io.duetmq.protocol.kafka.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.function.Function;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Produce, Fetch, ListOffsets and InitProducerId decoders only ever fail with {@link
 * KafkaCodecException}, reject every truncation of a valid request, and never leak the records
 * slices Produce retains.
 */
class DataPathDecodersMalformedInputTest {

  private static void expectOnlyCodecErrors(byte[] bytes, Function<KafkaReader, ?> op) {
    ByteBuf buf = Unpooled.wrappedBuffer(bytes);
    try {
      Object value = op.apply(new KafkaReader(buf));
      if (value instanceof ProduceRequest produce) {
        produce.release();
      }
    } catch (KafkaCodecException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
    assertThat(buf.refCnt()).as("records slices leaked").isEqualTo(1);
    buf.release();
  }

  @Property(tries = 2000)
  void shouldDecodeRandomBytesOrFailWithCodecErrors(
      @ForAll @Size(max = 128) byte[] bytes, @ForAll @IntRange(min = 0, max = 18) int version) {
    short v = (short) version;
    if (ApiKeys.PRODUCE.isImplemented(v)) {
      expectOnlyCodecErrors(bytes, r -> ProduceCodec.decodeRequest(r, v));
    }
    if (ApiKeys.FETCH.isImplemented(v)) {
      expectOnlyCodecErrors(bytes, r -> FetchCodec.decodeRequest(r, v));
    }
    if (ApiKeys.LIST_OFFSETS.isImplemented(v)) {
      expectOnlyCodecErrors(bytes, r -> ListOffsetsCodec.decodeRequest(r, v));
    }
    if (ApiKeys.INIT_PRODUCER_ID.isImplemented(v)) {
      expectOnlyCodecErrors(bytes, r -> InitProducerIdCodec.decodeRequest(r, v));
    }
  }

  @Property(tries = 500)
  void shouldRejectEveryTruncationOfAProduceRequest(
      @ForAll @IntRange(min = 3, max = 13) int version, @ForAll @IntRange(min = 0) int cutSeed) {
    short v = (short) version;
    byte[] full = KafkaWire.body(ProduceCodecKafkaCompatibilityTest.kafkaRequest(v));
    byte[] truncated = Arrays.copyOf(full, cutSeed % full.length);
    ByteBuf buf = Unpooled.wrappedBuffer(truncated);
    assertThatThrownBy(() -> ProduceCodec.decodeRequest(new KafkaReader(buf), v))
        .isInstanceOf(KafkaCodecException.class);
    assertThat(buf.refCnt()).isEqualTo(1);
    buf.release();
  }

  @Property(tries = 500)
  void shouldRejectEveryTruncationOfAFetchRequest(
      @ForAll @IntRange(min = 4, max = 18) int version, @ForAll @IntRange(min = 0) int cutSeed) {
    short v = (short) version;
    byte[] full = KafkaWire.body(FetchCodecKafkaCompatibilityTest.kafkaRequest(v));
    byte[] truncated = Arrays.copyOf(full, cutSeed % full.length);
    assertThatThrownBy(() -> Bytes.decodeFully(truncated, r -> FetchCodec.decodeRequest(r, v)))
        .isInstanceOf(KafkaCodecException.class);
  }

  @Example
  void shouldRejectUnimplementedVersions() {
    assertThatThrownBy(
            () -> Bytes.decodeFully(new byte[0], r -> ProduceCodec.decodeRequest(r, (short) 2)))
        .isInstanceOf(KafkaCodecException.class)
        .hasMessageContaining("Produce version 2");
    assertThatThrownBy(
            () -> Bytes.decodeFully(new byte[0], r -> FetchCodec.decodeRequest(r, (short) 19)))
        .hasMessageContaining("Fetch version 19");
    assertThatThrownBy(
            () -> Bytes.decodeFully(new byte[0], r -> ListOffsetsCodec.decodeRequest(r, (short) 0)))
        .hasMessageContaining("ListOffsets version 0");
    assertThatThrownBy(
            () ->
                Bytes.decodeFully(
                    new byte[0], r -> InitProducerIdCodec.decodeRequest(r, (short) 6)))
        .hasMessageContaining("InitProducerId version 6");
  }
}
