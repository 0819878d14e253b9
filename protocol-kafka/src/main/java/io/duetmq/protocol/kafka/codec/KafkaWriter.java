package io.duetmq.protocol.kafka.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.List;
import java.util.UUID;

/**
 * Writes every Kafka primitive type (reference §1.2) to a {@link ByteBuf}, advancing its writer
 * index. Methods taking {@code flexible} pick the compact (KIP-482) or the classic encoding, so
 * message codecs never encode lengths themselves. A value that cannot be represented (a null for a
 * non-nullable field, a string longer than 32767 bytes in an int16-length string, tags out of
 * order) ends in a {@link KafkaCodecException}.
 *
 * <p>Not thread-safe. Does not own the buffer: it never releases it; the buffer grows as needed.
 */
public final class KafkaWriter {
  private final ByteBuf buf;

  public KafkaWriter(ByteBuf buf) {
    this.buf = buf;
  }

  /** Writes one element of an array. */
  @FunctionalInterface
  public interface ElementWriter<T> {
    void write(KafkaWriter writer, T value);
  }

  /** The underlying buffer. */
  public ByteBuf buffer() {
    return buf;
  }

  // ---- fixed-width numbers ----

  public KafkaWriter writeInt8(byte value) {
    buf.writeByte(value);
    return this;
  }

  public KafkaWriter writeBoolean(boolean value) {
    buf.writeByte(value ? 1 : 0);
    return this;
  }

  public KafkaWriter writeInt16(short value) {
    buf.writeShort(value);
    return this;
  }

  public KafkaWriter writeUint16(int value) {
    if (value < 0 || value > 0xFFFF) {
      throw new KafkaCodecException("uint16 out of range: " + value);
    }
    buf.writeShort(value);
    return this;
  }

  public KafkaWriter writeInt32(int value) {
    buf.writeInt(value);
    return this;
  }

  public KafkaWriter writeUint32(long value) {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new KafkaCodecException("uint32 out of range: " + value);
    }
    buf.writeInt((int) value);
    return this;
  }

  public KafkaWriter writeInt64(long value) {
    buf.writeLong(value);
    return this;
  }

  public KafkaWriter writeFloat64(double value) {
    buf.writeDouble(value);
    return this;
  }

  public KafkaWriter writeUuid(UUID value) {
    if (value == null) {
      throw new KafkaCodecException("uuid must not be null (use the zero uuid for 'none')");
    }
    buf.writeLong(value.getMostSignificantBits());
    buf.writeLong(value.getLeastSignificantBits());
    return this;
  }

  // ---- variable-length numbers ----

  /** LEB128 unsigned varint; {@code value} is taken as unsigned 32 bits. */
  public KafkaWriter writeUnsignedVarint(int value) {
    int v = value;
    while ((v & ~0x7f) != 0) {
      buf.writeByte((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    buf.writeByte(v);
    return this;
  }

  /** Zig-zag signed varint (record batches only). */
  public KafkaWriter writeVarint(int value) {
    return writeUnsignedVarint((value << 1) ^ (value >> 31));
  }

  /** Zig-zag signed varlong (record batches only). */
  public KafkaWriter writeVarlong(long value) {
    long v = (value << 1) ^ (value >> 63);
    while ((v & ~0x7fL) != 0) {
      buf.writeByte((int) ((v & 0x7f) | 0x80));
      v >>>= 7;
    }
    buf.writeByte((int) v);
    return this;
  }

  /** Number of bytes {@link #writeUnsignedVarint} takes for {@code value}. */
  public static int sizeOfUnsignedVarint(int value) {
    int leadingZeros = Integer.numberOfLeadingZeros(value);
    return leadingZeros == 32 ? 1 : (38 - leadingZeros) / 7;
  }

  // ---- strings ----

  /** A non-nullable string: compact when {@code flexible}, else int16 length. */
  public KafkaWriter writeString(String value, boolean flexible) {
    if (value == null) {
      throw new KafkaCodecException("non-nullable string must not be null");
    }
    return writeNullableString(value, flexible);
  }

  /** A nullable string: compact when {@code flexible} (0 = null), else int16 length (-1 = null). */
  public KafkaWriter writeNullableString(String value, boolean flexible) {
    if (value == null) {
      if (flexible) {
        buf.writeByte(0);
      } else {
        buf.writeShort(-1);
      }
      return this;
    }
    int length = ByteBufUtil.utf8Bytes(value);
    if (flexible) {
      writeUnsignedVarint(length + 1);
    } else {
      if (length > Short.MAX_VALUE) {
        throw new KafkaCodecException(
            "string of " + length + " UTF-8 bytes does not fit an int16 length");
      }
      buf.writeShort(length);
    }
    int written = ByteBufUtil.reserveAndWriteUtf8(buf, value, length);
    if (written != length) {
      throw new KafkaCodecException(
          "UTF-8 length mismatch: predicted " + length + ", wrote " + written);
    }
    return this;
  }

  // ---- bytes ----

  /** Non-nullable bytes: compact when {@code flexible}, else int32 length. */
  public KafkaWriter writeBytes(byte[] value, boolean flexible) {
    if (value == null) {
      throw new KafkaCodecException("non-nullable bytes must not be null");
    }
    return writeNullableBytes(value, flexible);
  }

  /** Nullable bytes: compact when {@code flexible} (0 = null), else int32 length (-1 = null). */
  public KafkaWriter writeNullableBytes(byte[] value, boolean flexible) {
    if (value == null) {
      writeLengthPrefix(-1, flexible);
      return this;
    }
    writeLengthPrefix(value.length, flexible);
    buf.writeBytes(value);
    return this;
  }

  /**
   * Nullable bytes from a buffer: the readable bytes of {@code value} are copied; {@code value} is
   * neither consumed nor released.
   */
  public KafkaWriter writeNullableBytes(ByteBuf value, boolean flexible) {
    if (value == null) {
      writeLengthPrefix(-1, flexible);
      return this;
    }
    writeLengthPrefix(value.readableBytes(), flexible);
    buf.writeBytes(value, value.readerIndex(), value.readableBytes());
    return this;
  }

  // ---- arrays ----

  /** A non-nullable array: compact when {@code flexible}, else int32 count. */
  public <T> KafkaWriter writeArray(List<T> values, boolean flexible, ElementWriter<T> element) {
    if (values == null) {
      throw new KafkaCodecException("non-nullable array must not be null");
    }
    return writeNullableArray(values, flexible, element);
  }

  /** A nullable array: compact when {@code flexible} (0 = null), else int32 count (-1 = null). */
  public <T> KafkaWriter writeNullableArray(
      List<T> values, boolean flexible, ElementWriter<T> element) {
    if (values == null) {
      writeLengthPrefix(-1, flexible);
      return this;
    }
    writeLengthPrefix(values.size(), flexible);
    for (T value : values) {
      element.write(this, value);
    }
    return this;
  }

  /** An array of int32 (replica lists and the like). */
  public KafkaWriter writeInt32Array(List<Integer> values, boolean flexible) {
    return writeArray(values, flexible, (w, v) -> w.writeInt32(v));
  }

  // ---- tagged fields ----

  /** An empty tagged-field section (a single 0 byte). */
  public KafkaWriter writeEmptyTaggedFields() {
    buf.writeByte(0);
    return this;
  }

  /** A tagged-field section; tags must be strictly increasing (reference §1.3). */
  public KafkaWriter writeTaggedFields(List<RawTaggedField> fields) {
    for (int i = 1; i < fields.size(); i++) {
      int previous = fields.get(i - 1).tag();
      int tag = fields.get(i).tag();
      if (Integer.compareUnsigned(tag, previous) <= 0) {
        throw new KafkaCodecException(
            "tagged fields out of order: tag "
                + Integer.toUnsignedString(tag)
                + " after "
                + Integer.toUnsignedString(previous));
      }
    }
    writeUnsignedVarint(fields.size());
    for (RawTaggedField field : fields) {
      writeUnsignedVarint(field.tag());
      writeUnsignedVarint(field.data().length);
      buf.writeBytes(field.data());
    }
    return this;
  }

  /** Length or count prefix: unsigned varint (n + 1) when flexible, else int32; -1 means null. */
  private void writeLengthPrefix(int length, boolean flexible) {
    if (flexible) {
      writeUnsignedVarint(length + 1);
    } else {
      buf.writeInt(length);
    }
  }
}
