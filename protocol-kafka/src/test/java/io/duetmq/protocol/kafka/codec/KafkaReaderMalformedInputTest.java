package io.duetmq.protocol.kafka.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class KafkaReaderMalformedInputTest {

  /** Every reader operation, so that random input can be thrown at each one. */
  private static final List<Function<KafkaReader, Object>> OPERATIONS =
      List.of(
          KafkaReader::readInt8,
          KafkaReader::readBoolean,
          KafkaReader::readInt16,
          KafkaReader::readUint16,
          KafkaReader::readInt32,
          KafkaReader::readUint32,
          KafkaReader::readInt64,
          KafkaReader::readFloat64,
          KafkaReader::readUuid,
          KafkaReader::readUnsignedVarint,
          KafkaReader::readVarint,
          KafkaReader::readVarlong,
          r -> r.readString(false),
          r -> r.readString(true),
          r -> r.readNullableString(false),
          r -> r.readNullableString(true),
          r -> r.readBytes(false),
          r -> r.readBytes(true),
          r -> r.readNullableBytes(false),
          r -> r.readNullableBytesSlice(true),
          r -> r.readArray(false, KafkaReader::readInt64),
          r -> r.readNullableArray(true, rr -> rr.readString(true)),
          r -> r.readArrayCount(false),
          r -> {
            r.skipTaggedFields();
            return null;
          });

  private static Object decode(byte[] bytes, Function<KafkaReader, Object> op) {
    ByteBuf buf = Unpooled.wrappedBuffer(bytes);
    try {
      return op.apply(new KafkaReader(buf));
    } finally {
      buf.release();
    }
  }

  private static void assertRejected(byte[] bytes, Function<KafkaReader, Object> op, String text) {
    assertThatThrownBy(() -> decode(bytes, op))
        .isInstanceOf(KafkaCodecException.class)
        .hasMessageContaining(text);
  }

  @Property(tries = 2000)
  void shouldOnlyEverThrowCodecExceptionOnRandomBytes(
      @ForAll @Size(max = 40) byte[] bytes,
      @ForAll("operations") Function<KafkaReader, Object> op) {
    try {
      decode(bytes, op);
    } catch (KafkaCodecException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<Function<KafkaReader, Object>> operations() {
    return Arbitraries.of(OPERATIONS);
  }

  @Example
  void shouldRejectTruncatedFixedWidthValues() {
    assertRejected(Bytes.of(0, 0, 1), KafkaReader::readInt32, "truncated int32");
    assertRejected(Bytes.of(), KafkaReader::readInt8, "need 1 bytes");
    assertRejected(new byte[15], KafkaReader::readUuid, "truncated uuid");
  }

  @Example
  void shouldRejectStringLongerThanRemainingBytes() {
    assertRejected(Bytes.of(0, 100, 'a', 'b', 'c'), r -> r.readString(false), "length 100");
    assertRejected(Bytes.of(101, 'a'), r -> r.readString(true), "length 100 exceeds the 1");
  }

  @Example
  void shouldRejectNegativeLengthsOtherThanNull() {
    assertRejected(Bytes.of(0xFF, 0xFE), r -> r.readNullableString(false), "-2");
    assertRejected(Bytes.of(0xFF, 0xFF, 0xFF, 0xFE), r -> r.readNullableBytes(false), "-2");
    assertRejected(Bytes.of(0xFF, 0xFF, 0xFF, 0xFE), r -> r.readArrayCount(false), "-2");
  }

  @Example
  void shouldRejectNullForNonNullableFields() {
    assertRejected(Bytes.of(0xFF, 0xFF), r -> r.readString(false), "non-nullable string");
    assertRejected(Bytes.of(0), r -> r.readBytes(true), "non-nullable bytes");
    assertRejected(
        Bytes.of(0xFF, 0xFF, 0xFF, 0xFF),
        r -> r.readArray(false, KafkaReader::readInt8),
        "non-nullable array");
  }

  @Example
  void shouldRejectHugeCountsWithoutAllocating() {
    assertRejected(
        Bytes.of(0x7F, 0xFF, 0xFF, 0xFF, 1, 2),
        r -> r.readArray(false, KafkaReader::readInt8),
        "array count 2147483647 exceeds the 2 remaining bytes");
    assertRejected(
        Bytes.of(0xFF, 0xFF, 0xFF, 0xFF, 0x0F),
        r -> r.readNullableArray(true, KafkaReader::readInt8),
        "4294967294 exceeds");
    assertRejected(Bytes.of(0x7F, 0xFF, 0xFF, 0xFF), r -> r.readBytes(false), "2147483647");
  }

  @Example
  void shouldRejectOverlongVarints() {
    assertRejected(
        Bytes.of(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01), KafkaReader::readUnsignedVarint, "longer");
    byte[] elevenBytes = Bytes.of(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 1);
    assertRejected(elevenBytes, KafkaReader::readVarlong, "longer than 10");
    assertRejected(Bytes.of(0x80, 0x80), KafkaReader::readVarint, "truncated");
  }

  @Example
  void shouldRejectTaggedFieldLargerThanRemainingBytes() {
    assertRejected(
        Bytes.of(1, 5, 10, 1, 2), r -> skip(r), "tagged field 5 has size 10 but only 2 bytes");
    assertRejected(Bytes.of(9), r -> skip(r), "tagged field count 9");
  }

  @Example
  void shouldConfineTaggedFieldHandlerToTheFieldBytes() {
    // one field (tag 0, size 1, value 7) followed by an int16 the handler must not see
    byte[] bytes = Bytes.of(1, 0, 1, 7, 0, 42);
    assertThat(
            decode(
                bytes,
                r -> {
                  r.readTaggedFields(
                      (tag, field) ->
                          assertThatThrownBy(field::readInt16)
                              .isInstanceOf(KafkaCodecException.class));
                  return r.readInt16();
                }))
        .isEqualTo((short) 42);
  }

  private static Object skip(KafkaReader reader) {
    reader.skipTaggedFields();
    return null;
  }
}
