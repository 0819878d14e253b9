package io.duetmq.protocol.kafka.codec;

import static io.duetmq.protocol.kafka.codec.Bytes.encode;
import static io.duetmq.protocol.kafka.codec.Bytes.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBufUtil;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import net.jqwik.api.constraints.WithNull;
import org.apache.kafka.common.utils.ByteUtils;

class KafkaReaderWriterPropertiesTest {

  private static final int[] INT_EDGES = {
    0,
    1,
    -1,
    63,
    64,
    -64,
    -65,
    127,
    128,
    16383,
    16384,
    (1 << 21) - 1,
    1 << 21,
    (1 << 28) - 1,
    1 << 28,
    Integer.MAX_VALUE,
    Integer.MIN_VALUE
  };

  @Property
  void shouldRoundTripFixedWidthIntegers(
      @ForAll byte i8, @ForAll short i16, @ForAll int i32, @ForAll long i64, @ForAll boolean b) {
    byte[] bytes =
        encode(
            w -> w.writeInt8(i8).writeInt16(i16).writeInt32(i32).writeInt64(i64).writeBoolean(b));
    assertThat(bytes).hasSize(1 + 2 + 4 + 8 + 1);
    Bytes.decodeFully(
        bytes,
        r -> {
          assertThat(r.readInt8()).isEqualTo(i8);
          assertThat(r.readInt16()).isEqualTo(i16);
          assertThat(r.readInt32()).isEqualTo(i32);
          assertThat(r.readInt64()).isEqualTo(i64);
          assertThat(r.readBoolean()).isEqualTo(b);
          return null;
        });
  }

  @Property
  void shouldRoundTripUnsignedIntegers(
      @ForAll @IntRange(min = 0, max = 65535) int u16,
      @ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long u32) {
    assertThat(roundTrip(w -> w.writeUint16(u16), KafkaReader::readUint16)).isEqualTo(u16);
    assertThat(roundTrip(w -> w.writeUint32(u32), KafkaReader::readUint32)).isEqualTo(u32);
  }

  @Property
  void shouldRoundTripFloat64BitForBit(@ForAll double d) {
    double back = roundTrip(w -> w.writeFloat64(d), KafkaReader::readFloat64);
    assertThat(Double.doubleToRawLongBits(back)).isEqualTo(Double.doubleToRawLongBits(d));
  }

  @Example
  void shouldRoundTripNaNAndInfinities() {
    for (double d : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -0.0, Double.MIN_VALUE}) {
      double back = roundTrip(w -> w.writeFloat64(d), KafkaReader::readFloat64);
      assertThat(Double.doubleToRawLongBits(back)).isEqualTo(Double.doubleToRawLongBits(d));
    }
  }

  @Property
  void shouldRoundTripUuidMostSignificantFirst(@ForAll long msb, @ForAll long lsb) {
    UUID id = new UUID(msb, lsb);
    byte[] bytes = encode(w -> w.writeUuid(id));
    assertThat(ByteBuffer.wrap(bytes).getLong()).isEqualTo(msb);
    assertThat(Bytes.decodeFully(bytes, KafkaReader::readUuid)).isEqualTo(id);
  }

  @Property
  void shouldEncodeVarintsExactlyLikeKafkaClients(@ForAll int value, @ForAll long longValue) {
    assertVarintsMatchKafka(value, longValue);
  }

  @Example
  void shouldEncodeVarintEdgeValuesLikeKafkaClients() {
    for (int edge : INT_EDGES) {
      assertVarintsMatchKafka(edge, edge);
    }
    for (long edge : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 1L << 35, -(1L << 35)}) {
      assertVarintsMatchKafka(0, edge);
    }
  }

  @Example
  void shouldEncodeKnownVarintBytes() {
    assertThat(encode(w -> w.writeUnsignedVarint(300))).containsExactly(Bytes.of(0xAC, 0x02));
    assertThat(encode(w -> w.writeVarint(-1))).containsExactly(Bytes.of(0x01));
    assertThat(encode(w -> w.writeVarint(1))).containsExactly(Bytes.of(0x02));
    assertThat(encode(w -> w.writeUnsignedVarint(-1)))
        .containsExactly(Bytes.of(0xFF, 0xFF, 0xFF, 0xFF, 0x0F));
  }

  private static void assertVarintsMatchKafka(int value, long longValue) {
    ByteBuffer kafka = ByteBuffer.allocate(32);
    ByteUtils.writeUnsignedVarint(value, kafka);
    ByteUtils.writeVarint(value, kafka);
    ByteUtils.writeVarlong(longValue, kafka);
    kafka.flip();
    byte[] expected = new byte[kafka.remaining()];
    kafka.get(expected);
    byte[] ours =
        encode(w -> w.writeUnsignedVarint(value).writeVarint(value).writeVarlong(longValue));
    assertThat(ours).containsExactly(expected);
    assertThat(KafkaWriter.sizeOfUnsignedVarint(value))
        .isEqualTo(ByteUtils.sizeOfUnsignedVarint(value));
    Bytes.decodeFully(
        ours,
        r -> {
          assertThat(r.readUnsignedVarint()).isEqualTo(value);
          assertThat(r.readVarint()).isEqualTo(value);
          assertThat(r.readVarlong()).isEqualTo(longValue);
          return null;
        });
  }

  @Property
  void shouldRoundTripStringsInEveryForm(
      @ForAll @Size(max = 300) @WithNull(0.2) String s, @ForAll boolean flexible) {
    String back =
        roundTrip(w -> w.writeNullableString(s, flexible), r -> r.readNullableString(flexible));
    assertThat(back).isEqualTo(s);
    if (s != null) {
      String nonNull = roundTrip(w -> w.writeString(s, flexible), r -> r.readString(flexible));
      assertThat(nonNull).isEqualTo(s);
    }
  }

  @Example
  void shouldUseDocumentedNullEncodings() {
    assertThat(encode(w -> w.writeNullableString(null, false))).containsExactly(Bytes.of(-1, -1));
    assertThat(encode(w -> w.writeNullableString(null, true))).containsExactly(Bytes.of(0));
    assertThat(encode(w -> w.writeNullableBytes((byte[]) null, false)))
        .containsExactly(Bytes.of(-1, -1, -1, -1));
    assertThat(encode(w -> w.writeNullableArray(null, true, KafkaWriter::writeInt32)))
        .containsExactly(Bytes.of(0));
    assertThat(encode(w -> w.writeString("", true))).containsExactly(Bytes.of(1));
    assertThat(encode(w -> w.writeString("ab", false))).containsExactly(Bytes.of(0, 2, 'a', 'b'));
  }

  @Property
  void shouldRoundTripBytesInEveryForm(
      @ForAll @Size(max = 300) @WithNull(0.2) byte[] bytes, @ForAll boolean flexible) {
    byte[] back =
        roundTrip(w -> w.writeNullableBytes(bytes, flexible), r -> r.readNullableBytes(flexible));
    assertThat(back).isEqualTo(bytes);
    byte[] viaSlice =
        roundTrip(
            w -> w.writeNullableBytes(bytes, flexible),
            r -> {
              var slice = r.readNullableBytesSlice(flexible);
              return slice == null ? null : ByteBufUtil.getBytes(slice);
            });
    assertThat(viaSlice).isEqualTo(bytes);
  }

  @Property
  void shouldRoundTripArraysInEveryForm(
      @ForAll @Size(max = 50) @WithNull(0.2) List<Integer> ints, @ForAll boolean flexible) {
    List<Integer> back =
        roundTrip(
            w -> w.writeNullableArray(ints, flexible, KafkaWriter::writeInt32),
            r -> r.readNullableArray(flexible, KafkaReader::readInt32));
    assertThat(back).isEqualTo(ints);
  }

  @Property
  void shouldRoundTripNestedStringArrays(
      @ForAll @Size(max = 10) List<@Size(max = 5) List<String>> nested, @ForAll boolean flexible) {
    List<List<String>> back =
        roundTrip(
            w ->
                w.writeArray(
                    nested,
                    flexible,
                    (ew, inner) ->
                        ew.writeArray(inner, flexible, (sw, s) -> sw.writeString(s, flexible))),
            r ->
                r.readArray(flexible, er -> er.readArray(flexible, sr -> sr.readString(flexible))));
    assertThat(back).isEqualTo(nested);
  }

  @Property
  void shouldSkipUnknownTaggedFieldsAndReadKnownOnes(
      @ForAll @UniqueElements @Size(max = 8) List<@IntRange(min = 0, max = 5000) Integer> tags,
      @ForAll @Size(max = 40) String knownValue,
      @ForAll int trailer) {
    List<Integer> sorted = new ArrayList<>(tags);
    sorted.add(7);
    List<Integer> unique = sorted.stream().distinct().sorted().toList();
    List<RawTaggedField> fields = new ArrayList<>();
    for (int tag : unique) {
      fields.add(
          tag == 7
              ? RawTaggedField.encode(7, w -> w.writeString(knownValue, true))
              : RawTaggedField.encode(tag, w -> w.writeInt64(tag).writeString("junk", true)));
    }
    byte[] bytes = encode(w -> w.writeTaggedFields(fields).writeInt32(trailer));
    String[] seen = new String[1];
    int back =
        Bytes.decodeFully(
            bytes,
            r -> {
              r.readTaggedFields(
                  (tag, field) -> {
                    if (tag == 7) {
                      seen[0] = field.readString(true);
                    }
                  });
              return r.readInt32();
            });
    assertThat(seen[0]).isEqualTo(knownValue);
    assertThat(back).isEqualTo(trailer);
  }

  @Example
  void shouldWriteEmptyTaggedFieldsAsSingleZeroByte() {
    assertThat(encode(KafkaWriter::writeEmptyTaggedFields)).containsExactly(Bytes.of(0));
    assertThat(encode(w -> w.writeTaggedFields(List.of()))).containsExactly(Bytes.of(0));
  }

  @Example
  void shouldRefuseTaggedFieldsOutOfOrder() {
    List<RawTaggedField> fields =
        List.of(new RawTaggedField(3, new byte[0]), new RawTaggedField(1, new byte[0]));
    assertThatThrownBy(() -> encode(w -> w.writeTaggedFields(fields)))
        .isInstanceOf(KafkaCodecException.class)
        .hasMessageContaining("tag 1 after 3");
  }

  @Example
  void shouldRefuseValuesThatCannotBeEncoded() {
    String tooLong = "x".repeat(Short.MAX_VALUE + 1);
    assertThatThrownBy(() -> encode(w -> w.writeString(tooLong, false)))
        .isInstanceOf(KafkaCodecException.class)
        .hasMessageContaining("32768");
    String compact = roundTrip(w -> w.writeString(tooLong, true), r -> r.readString(true));
    assertThat(compact).isEqualTo(tooLong);
    for (var write :
        Arrays.<Consumer<KafkaWriter>>asList(
            w -> w.writeString(null, true),
            w -> w.writeBytes(null, false),
            w -> w.writeArray(null, false, KafkaWriter::writeInt32),
            w -> w.writeUint16(70000),
            w -> w.writeUint32(-1))) {
      assertThatThrownBy(() -> encode(write)).isInstanceOf(KafkaCodecException.class);
    }
  }
}
