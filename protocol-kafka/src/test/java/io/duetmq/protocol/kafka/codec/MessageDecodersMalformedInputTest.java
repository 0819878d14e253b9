package io.duetmq.protocol.kafka.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Headers and message decoders never fail with anything but {@link KafkaCodecException}. */
class MessageDecodersMalformedInputTest {

  private static void decodeExpectingOnlyCodecErrors(byte[] bytes, Function<KafkaReader, ?> op) {
    ByteBuf buf = Unpooled.wrappedBuffer(bytes);
    try {
      op.apply(new KafkaReader(buf));
    } catch (KafkaCodecException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    } finally {
      buf.release();
    }
  }

  @Property(tries = 1000)
  void shouldDecodeRandomBytesAsHeaderOrCodecError(
      @ForAll @Size(max = 64) byte[] bytes, @ForAll @IntRange(min = 0, max = 2) int headerVersion) {
    decodeExpectingOnlyCodecErrors(bytes, r -> RequestHeader.decode(r, (short) headerVersion));
  }

  @Property(tries = 2000)
  void shouldDecodeRandomBytesAsMetadataOrCodecError(
      @ForAll @Size(max = 96) byte[] bytes, @ForAll @IntRange(min = 0, max = 13) int version) {
    decodeExpectingOnlyCodecErrors(bytes, r -> MetadataCodec.decodeRequest(r, (short) version));
    decodeExpectingOnlyCodecErrors(bytes, r -> MetadataCodec.decodeResponse(r, (short) version));
  }

  @Property(tries = 1000)
  void shouldDecodeRandomBytesAsApiVersionsOrCodecError(
      @ForAll @Size(max = 64) byte[] bytes, @ForAll @IntRange(min = 0, max = 4) int version) {
    decodeExpectingOnlyCodecErrors(bytes, r -> ApiVersionsCodec.decodeRequest(r, (short) version));
    decodeExpectingOnlyCodecErrors(bytes, r -> ApiVersionsCodec.decodeResponse(r, (short) version));
  }

  @Property(tries = 500)
  void shouldRejectEveryTruncationOfAValidMetadataResponse(
      @ForAll @IntRange(min = 0, max = 13) int version, @ForAll @IntRange(min = 0) int cutSeed) {
    MetadataResponse sample = MetadataCodecKafkaCompatibilityTest.sampleResponse();
    byte[] full = Bytes.encode(w -> MetadataCodec.encodeResponse(w, sample, (short) version));
    byte[] truncated = Arrays.copyOf(full, cutSeed % full.length);
    assertThatThrownBy(
            () ->
                Bytes.decodeFully(truncated, r -> MetadataCodec.decodeResponse(r, (short) version)))
        .isInstanceOf(KafkaCodecException.class);
  }

  @Property(tries = 500)
  void shouldRejectEveryTruncationOfAValidMetadataRequest(
      @ForAll @IntRange(min = 0, max = 13) int version, @ForAll @IntRange(min = 0) int cutSeed) {
    MetadataRequest request =
        new MetadataRequest(
            List.of(MetadataRequest.RequestTopic.byName("abc")), true, false, false);
    byte[] full = Bytes.encode(w -> MetadataCodec.encodeRequest(w, request, (short) version));
    byte[] truncated = Arrays.copyOf(full, cutSeed % full.length);
    assertThatThrownBy(
            () ->
                Bytes.decodeFully(truncated, r -> MetadataCodec.decodeRequest(r, (short) version)))
        .isInstanceOf(KafkaCodecException.class);
  }

  @Example
  void shouldRejectUnimplementedVersions() {
    assertThatThrownBy(
            () -> Bytes.decodeFully(new byte[0], r -> MetadataCodec.decodeRequest(r, (short) 14)))
        .isInstanceOf(KafkaCodecException.class)
        .hasMessageContaining("Metadata version 14");
    assertThatThrownBy(
            () -> Bytes.decodeFully(new byte[0], r -> ApiVersionsCodec.decodeRequest(r, (short) 5)))
        .isInstanceOf(KafkaCodecException.class)
        .hasMessageContaining("ApiVersions version 5");
  }

  @Example
  void shouldRejectNullTopicArrayInMetadataV0() {
    assertThatThrownBy(
            () ->
                Bytes.decodeFully(
                    Bytes.of(0xFF, 0xFF, 0xFF, 0xFF),
                    r -> MetadataCodec.decodeRequest(r, (short) 0)))
        .isInstanceOf(KafkaCodecException.class)
        .hasMessageContaining("v0 topic array must not be null");
  }

  @Example
  void shouldDecodeEveryHeaderVersion() {
    byte[] v2 = Bytes.of(0, 3, 0, 12, 0, 0, 0, 9, 0, 2, 'c', 'l', 1, 4, 1, 0x55);
    RequestHeader header = Bytes.decodeFully(v2, r -> RequestHeader.decode(r, (short) 2));
    assertThat(header).isEqualTo(new RequestHeader((short) 3, (short) 12, 9, "cl", (short) 2));
    byte[] v0 = Bytes.of(0, 7, 0, 0, 0, 0, 0, 1);
    assertThat(Bytes.decodeFully(v0, r -> RequestHeader.decode(r, (short) 0)).clientId()).isNull();
    byte[] v1NullClient = Bytes.of(0, 18, 0, 2, 0, 0, 0, 1, 0xFF, 0xFF);
    assertThat(Bytes.decodeFully(v1NullClient, r -> RequestHeader.decode(r, (short) 1)).clientId())
        .isNull();
    assertThat(Bytes.encode(header::encode))
        .containsExactly(Bytes.of(0, 3, 0, 12, 0, 0, 0, 9, 0, 2, 'c', 'l', 0));
  }
}
