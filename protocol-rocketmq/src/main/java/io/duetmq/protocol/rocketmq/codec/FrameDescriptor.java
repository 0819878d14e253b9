package io.duetmq.protocol.rocketmq.codec;

/**
 * Layout of one remoting frame.
 *
 * <pre>
 *  0        4        5                   8                      8+H                 4+LEN
 *  +--------+--------+-------------------+-----------------------+-------------------+
 *  |  LEN   |  TYPE  |  HEADER LEN (H)   |  header (H bytes)     |  body             |
 *  +--------+--------+-------------------+-----------------------+-------------------+
 *    int32    uint8    uint24               JSON or binary          LEN - 4 - H bytes
 *             \___ header info int32 ___/
 * </pre>
 *
 * <ul>
 *   <li>LEN counts the bytes after itself: 4 + H + body length. All integers are big-endian.
 *   <li>TYPE is the {@link SerializeType} code of the header; H is at most {@link
 *       #MAX_HEADER_LENGTH}.
 *   <li>A frame (LEN field included) may be at most the receiver's maximum frame length, 16 MiB by
 *       default.
 * </ul>
 */
public final class FrameDescriptor {

  /** Size of the LEN field. */
  public static final int LENGTH_FIELD_LENGTH = 4;

  /** Size of the header info int (TYPE + H). */
  public static final int HEADER_INFO_LENGTH = 4;

  /** H is a 24-bit unsigned number. */
  public static final int MAX_HEADER_LENGTH = 0xFFFFFF;

  /** RocketMQ's default maximum frame length, including the LEN field: 16 MiB. */
  public static final int DEFAULT_MAX_FRAME_LENGTH = 16 * 1024 * 1024;

  private FrameDescriptor() {}

  /** The header info int for a header of {@code headerLength} bytes. */
  public static int headerInfo(SerializeType type, int headerLength) {
    return (type.code() << 24) | (headerLength & MAX_HEADER_LENGTH);
  }

  /** The TYPE byte of a header info int, unsigned. */
  public static int serializeTypeCode(int headerInfo) {
    return (headerInfo >>> 24) & 0xFF;
  }

  /** The H of a header info int. */
  public static int headerLength(int headerInfo) {
    return headerInfo & MAX_HEADER_LENGTH;
  }
}
