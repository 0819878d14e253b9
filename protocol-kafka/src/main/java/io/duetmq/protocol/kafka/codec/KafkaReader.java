package io.duetmq.protocol.kafka.codec;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Reads every Kafka primitive type (reference §1.2) from a {@link ByteBuf}, advancing its reader
 * index. Each length and count is checked against the readable bytes before anything is read or
 * allocated, so bad input ends in a {@link KafkaCodecException} and never in an index error or a
 * huge allocation.
 *
 * <p>Methods taking {@code flexible} pick the compact (KIP-482) or the classic encoding. Message
 * codecs use those and never decode lengths themselves.
 *
 * <p>Not thread-safe. Does not own the buffer: it never retains or releases it. Slices it returns
 * are only valid as long as the underlying buffer is.
 */
public final class KafkaReader {
  private static final int MAX_UNSIGNED_VARINT_BYTES = 5;
  private static final int MAX_VARLONG_BYTES = 10;

  private final ByteBuf buf;

  public KafkaReader(ByteBuf buf) {
    this.buf = buf;
  }

  /** Reads one element of an array. */
  @FunctionalInterface
  public interface ElementReader<T> {
    T read(KafkaReader reader);
  }

  /**
   * Consumes one tagged field. The given reader is limited to exactly the field's bytes; whatever
   * the handler leaves unread (an unknown tag: everything) is skipped.
   */
  @FunctionalInterface
  public interface TaggedFieldHandler {
    void read(int tag, KafkaReader field);
  }

  /** Ignores every tag: all tagged fields are skipped. */
  public static final TaggedFieldHandler SKIP_ALL = (tag, field) -> {};

  public int remaining() {
    return buf.readableBytes();
  }

  /** The underlying buffer, positioned at the next unread byte. */
  public ByteBuf buffer() {
    return buf;
  }

  // ---- fixed-width numbers ----

  public byte readInt8() {
    require(1, "int8");
    return buf.readByte();
  }

  public boolean readBoolean() {
    require(1, "bool");
    return buf.readByte() != 0;
  }

  public short readInt16() {
    require(2, "int16");
    return buf.readShort();
  }

  public int readUint16() {
    require(2, "uint16");
    return buf.readUnsignedShort();
  }

  public int readInt32() {
    require(4, "int32");
    return buf.readInt();
  }

  public long readUint32() {
    require(4, "uint32");
    return buf.readUnsignedInt();
  }

  public long readInt64() {
    require(8, "int64");
    return buf.readLong();
  }

  public double readFloat64() {
    require(8, "float64");
    return buf.readDouble();
  }

  public UUID readUuid() {
    require(16, "uuid");
    return new UUID(buf.readLong(), buf.readLong());
  }

  // ---- variable-length numbers ----

  /** LEB128 unsigned varint of at most 5 bytes; values of 2^31 and above come back negative. */
  public int readUnsignedVarint() {
    int value = 0;
    for (int i = 0; i < MAX_UNSIGNED_VARINT_BYTES; i++) {
      require(1, "unsigned varint");
      int b = buf.readByte();
      value |= (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new KafkaCodecException(
        "unsigned varint longer than "
            + MAX_UNSIGNED_VARINT_BYTES
            + " bytes before reader index "
            + buf.readerIndex());
  }

  /** Zig-zag encoded signed varint (record batches only). */
  public int readVarint() {
    int raw = readUnsignedVarint();
    return (raw >>> 1) ^ -(raw & 1);
  }

  /** Zig-zag encoded signed varlong of at most 10 bytes (record batches only). */
  public long readVarlong() {
    long raw = 0;
    for (int i = 0; i < MAX_VARLONG_BYTES; i++) {
      require(1, "varlong");
      long b = buf.readByte();
      raw |= (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        return (raw >>> 1) ^ -(raw & 1);
      }
    }
    throw new KafkaCodecException(
        "varlong longer than "
            + MAX_VARLONG_BYTES
            + " bytes before reader index "
            + buf.readerIndex());
  }

  // ---- strings ----

  /** A non-nullable string: compact when {@code flexible}, else int16 length. */
  public String readString(boolean flexible) {
    String s = readNullableString(flexible);
    if (s == null) {
      throw new KafkaCodecException(
          "non-nullable string is null at reader index " + buf.readerIndex());
    }
    return s;
  }

  /** A nullable string: compact when {@code flexible}, else int16 length (-1 = null). */
  public String readNullableString(boolean flexible) {
    int length = flexible ? readCompactLength("compact string") : readInt16LengthOrNull();
    if (length < 0) {
      return null;
    }
    String s = buf.toString(buf.readerIndex(), length, StandardCharsets.UTF_8);
    buf.skipBytes(length);
    return s;
  }

  private int readInt16LengthOrNull() {
    short length = readInt16();
    if (length < -1) {
      throw new KafkaCodecException("negative string length " + length);
    }
    if (length > 0) {
      require(length, "string of length " + length);
    }
    return length;
  }

  // ---- bytes ----

  /** Non-nullable bytes, copied: compact when {@code flexible}, else int32 length. */
  public byte[] readBytes(boolean flexible) {
    byte[] bytes = readNullableBytes(flexible);
    if (bytes == null) {
      throw new KafkaCodecException(
          "non-nullable bytes are null at reader index " + buf.readerIndex());
    }
    return bytes;
  }

  /** Nullable bytes, copied: compact when {@code flexible}, else int32 length (-1 = null). */
  public byte[] readNullableBytes(boolean flexible) {
    int length = readBytesLength(flexible);
    if (length < 0) {
      return null;
    }
    byte[] bytes = new byte[length];
    buf.readBytes(bytes);
    return bytes;
  }

  /**
   * Nullable bytes as a slice of the underlying buffer, not copied and not retained (used for
   * record batches). Returns null for a null value.
   */
  public ByteBuf readNullableBytesSlice(boolean flexible) {
    int length = readBytesLength(flexible);
    return length < 0 ? null : buf.readSlice(length);
  }

  /**
   * Nullable bytes as a <em>retained</em> slice of the underlying buffer, not copied (used for
   * Produce records that outlive the request frame). The caller owns one reference of a non-null
   * result and must release it. Returns null for a null value.
   */
  public ByteBuf readNullableRetainedSlice(boolean flexible) {
    int length = readBytesLength(flexible);
    return length < 0 ? null : buf.readRetainedSlice(length);
  }

  private int readBytesLength(boolean flexible) {
    if (flexible) {
      return readCompactLength("compact bytes");
    }
    int length = readInt32();
    if (length < -1) {
      throw new KafkaCodecException("negative bytes length " + length);
    }
    if (length > 0) {
      require(length, "bytes of length " + length);
    }
    return length;
  }

  // ---- arrays ----

  /** A non-nullable array: compact when {@code flexible}, else int32 count. */
  public <T> List<T> readArray(boolean flexible, ElementReader<T> element) {
    List<T> list = readNullableArray(flexible, element);
    if (list == null) {
      throw new KafkaCodecException(
          "non-nullable array is null at reader index " + buf.readerIndex());
    }
    return list;
  }

  /** A nullable array (count -1 or compact 0 = null); the list is unmodifiable. */
  public <T> List<T> readNullableArray(boolean flexible, ElementReader<T> element) {
    int count = readArrayCount(flexible);
    if (count < 0) {
      return null;
    }
    List<T> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      list.add(element.read(this));
    }
    return Collections.unmodifiableList(list);
  }

  /**
   * The element count of an array, -1 for null. A count larger than the remaining bytes is
   * rejected: every element takes at least one byte.
   */
  public int readArrayCount(boolean flexible) {
    if (flexible) {
      return readCompactLength("compact array");
    }
    int count = readInt32();
    if (count < -1) {
      throw new KafkaCodecException("negative array count " + count);
    }
    if (count > buf.readableBytes()) {
      throw new KafkaCodecException(
          "array count " + count + " exceeds the " + buf.readableBytes() + " remaining bytes");
    }
    return count;
  }

  // ---- tagged fields ----

  /**
   * Reads a tagged-field section. Each field is offered to {@code handler} through a reader that is
   * limited to that field's bytes; unknown tags and unread bytes are skipped.
   */
  public void readTaggedFields(TaggedFieldHandler handler) {
    int count = readUnsignedVarint();
    if (count < 0 || count > buf.readableBytes()) {
      throw new KafkaCodecException(
          "tagged field count "
              + Integer.toUnsignedString(count)
              + " exceeds the "
              + buf.readableBytes()
              + " remaining bytes");
    }
    for (int i = 0; i < count; i++) {
      int tag = readUnsignedVarint();
      int size = readUnsignedVarint();
      if (size < 0 || size > buf.readableBytes()) {
        throw new KafkaCodecException(
            "tagged field "
                + Integer.toUnsignedString(tag)
                + " has size "
                + Integer.toUnsignedString(size)
                + " but only "
                + buf.readableBytes()
                + " bytes remain");
      }
      handler.read(tag, new KafkaReader(buf.readSlice(size)));
    }
  }

  /** Reads a tagged-field section and skips every field in it. */
  public void skipTaggedFields() {
    readTaggedFields(SKIP_ALL);
  }

  // ---- helpers ----

  /** Compact length: unsigned varint N+1, 0 = null (returned as -1); checked against remaining. */
  private int readCompactLength(String what) {
    long lengthPlusOne = Integer.toUnsignedLong(readUnsignedVarint());
    long length = lengthPlusOne - 1;
    if (length > buf.readableBytes()) {
      throw new KafkaCodecException(
          what + " length " + length + " exceeds the " + buf.readableBytes() + " remaining bytes");
    }
    return (int) length;
  }

  private void require(int bytes, String what) {
    if (buf.readableBytes() < bytes) {
      throw new KafkaCodecException(
          "truncated "
              + what
              + ": need "
              + bytes
              + " bytes at reader index "
              + buf.readerIndex()
              + ", only "
              + buf.readableBytes()
              + " remain");
    }
  }
}
