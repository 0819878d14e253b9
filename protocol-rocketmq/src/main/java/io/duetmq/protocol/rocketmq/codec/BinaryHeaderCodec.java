package io.duetmq.protocol.rocketmq.codec;

import static io.duetmq.protocol.rocketmq.codec.BinaryHeaderDescriptor.EXT_LENGTH_FIELD_LENGTH;
import static io.duetmq.protocol.rocketmq.codec.BinaryHeaderDescriptor.FIXED_LENGTH;
import static io.duetmq.protocol.rocketmq.codec.BinaryHeaderDescriptor.KEY_LENGTH_FIELD_LENGTH;
import static io.duetmq.protocol.rocketmq.codec.BinaryHeaderDescriptor.MAX_KEY_LENGTH;
import static io.duetmq.protocol.rocketmq.codec.BinaryHeaderDescriptor.VALUE_LENGTH_FIELD_LENGTH;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Encodes and decodes the ROCKETMQ binary header ({@link BinaryHeaderDescriptor}).
 *
 * <p>Buffer ownership: neither method retains or releases a buffer; the caller owns both.
 *
 * <p>Thread-safety: stateless.
 */
public final class BinaryHeaderCodec {

  private BinaryHeaderCodec() {}

  /**
   * Appends the header of {@code command} to {@code out} (body excluded).
   *
   * @return the number of bytes written
   * @throws RemotingCodecException when code or version do not fit in an int16, or a key is longer
   *     than {@link BinaryHeaderDescriptor#MAX_KEY_LENGTH} bytes
   */
  public static int encode(RemotingCommand command, ByteBuf out) {
    int start = out.writerIndex();
    out.writeShort(toInt16("code", command.code()));
    out.writeByte(command.language().code());
    out.writeShort(toInt16("version", command.version()));
    out.writeInt(command.opaque());
    out.writeInt(command.flag());
    if (command.remark() == null) {
      out.writeInt(0);
    } else {
      byte[] remark = command.remark().getBytes(StandardCharsets.UTF_8);
      out.writeInt(remark.length);
      out.writeBytes(remark);
    }
    int extLengthIndex = out.writerIndex();
    out.writeInt(0);
    for (Map.Entry<String, String> entry : command.extFields().entrySet()) {
      byte[] key = entry.getKey().getBytes(StandardCharsets.UTF_8);
      if (key.length > MAX_KEY_LENGTH) {
        throw new RemotingCodecException(
            "ext field key of " + key.length + " bytes does not fit in a binary header");
      }
      byte[] value = entry.getValue().getBytes(StandardCharsets.UTF_8);
      out.writeShort(key.length);
      out.writeBytes(key);
      out.writeInt(value.length);
      out.writeBytes(value);
    }
    out.setInt(extLengthIndex, out.writerIndex() - extLengthIndex - EXT_LENGTH_FIELD_LENGTH);
    return out.writerIndex() - start;
  }

  /**
   * Decodes the header in {@code buf[index, index + length)} without moving the buffer's indexes.
   * Bytes after the ext section but inside {@code length} are ignored, as RocketMQ does.
   *
   * @return a command with {@link SerializeType#ROCKETMQ} and no body
   * @throws RemotingCodecException when a length field is negative or points past the header
   */
  public static RemotingCommand decode(ByteBuf buf, int index, int length) {
    Cursor in = new Cursor(buf, index, length);
    in.require(FIXED_LENGTH, "fixed fields");
    int code = buf.getShort(index);
    LanguageCode language = LanguageCode.fromCode(buf.getByte(index + 2));
    int version = buf.getShort(index + 3);
    int opaque = buf.getInt(index + 5);
    int flag = buf.getInt(index + 9);
    in.skip(FIXED_LENGTH - 4);
    String remark = in.readString(in.readInt("remark length"), "remark");
    int extLength = in.readInt("ext fields length");
    in.require(extLength, "ext fields");
    Map<String, String> ext = decodeExtFields(buf, in.position(), extLength);
    return new RemotingCommand(
        code, language, version, opaque, flag, remark, ext, null, SerializeType.ROCKETMQ);
  }

  private static Map<String, String> decodeExtFields(ByteBuf buf, int index, int length) {
    Map<String, String> ext = new LinkedHashMap<>();
    Cursor in = new Cursor(buf, index, length);
    while (in.remaining() > 0) {
      in.require(KEY_LENGTH_FIELD_LENGTH, "ext key length");
      int keyLength = buf.getShort(in.position());
      in.skip(KEY_LENGTH_FIELD_LENGTH);
      String key = in.readString(keyLength, "ext key");
      in.require(VALUE_LENGTH_FIELD_LENGTH, "ext value length");
      String value = in.readString(in.readInt("ext value length"), "ext value");
      if (value != null) {
        ext.put(key == null ? "" : key, value);
      }
    }
    return ext;
  }

  private static int toInt16(String field, int value) {
    if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
      throw new RemotingCodecException(
          field + " " + value + " does not fit in the int16 of a binary header; use JSON");
    }
    return value;
  }

  /** Bounds-checked reads inside one region of a buffer. */
  private static final class Cursor {
    private final ByteBuf buf;
    private final int start;
    private final int end;
    private int position;

    Cursor(ByteBuf buf, int start, int length) {
      this.buf = buf;
      this.start = start;
      this.end = start + length;
      this.position = start;
    }

    int position() {
      return position;
    }

    int remaining() {
      return end - position;
    }

    void skip(int bytes) {
      position += bytes;
    }

    void require(int bytes, String what) {
      if (bytes < 0) {
        throw new RemotingCodecException(
            "negative length "
                + bytes
                + " for "
                + what
                + " at header offset "
                + (position - start));
      }
      if (bytes > remaining()) {
        throw new RemotingCodecException(
            "truncated binary header: "
                + what
                + " needs "
                + bytes
                + " bytes at header offset "
                + (position - start)
                + " but only "
                + remaining()
                + " remain");
      }
    }

    int readInt(String what) {
      require(4, what);
      int value = buf.getInt(position);
      position += 4;
      return value;
    }

    /** Reads {@code length} bytes as UTF-8; length 0 is null. */
    String readString(int length, String what) {
      require(length, what);
      if (length == 0) {
        return null;
      }
      String value = buf.toString(position, length, StandardCharsets.UTF_8);
      position += length;
      return value;
    }
  }
}
