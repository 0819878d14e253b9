package io.duetmq.protocol.rocketmq.codec;

/**
 * Layout of the ROCKETMQ binary header (serialize type 1). Offsets are relative to the first header
 * byte; all integers are big-endian and signed.
 *
 * <pre>
 *  0       2      3         5          9          13         17        17+R       21+R
 *  +-------+------+---------+----------+----------+----------+---------+----------+--------------+
 *  | code  | lang | version | opaque   | flag     | R        | remark  | E        | ext entries  |
 *  +-------+------+---------+----------+----------+----------+---------+----------+--------------+
 *   int16   int8    int16     int32      int32      int32      R bytes   int32      E bytes
 *
 *  one ext entry:
 *  +---------+------------+-----------+--------------+
 *  | K       | key        | V         | value        |
 *  +---------+------------+-----------+--------------+
 *   int16     K bytes      int32       V bytes
 * </pre>
 *
 * <p>Strings are UTF-8. A length of 0 means null: R = 0 is "no remark", E = 0 is "no ext fields",
 * and an entry with V = 0 decodes as absent (RocketMQ decodes it as a null value, which its header
 * parsers treat as absent). {@code code} and {@code version} are 16-bit here, so commands whose
 * code or version do not fit in an int16 can only travel with a JSON header.
 */
public final class BinaryHeaderDescriptor {

  public static final int CODE_OFFSET = 0;
  public static final int LANGUAGE_OFFSET = 2;
  public static final int VERSION_OFFSET = 3;
  public static final int OPAQUE_OFFSET = 5;
  public static final int FLAG_OFFSET = 9;
  public static final int REMARK_LENGTH_OFFSET = 13;

  /** Bytes before the remark text; also the smallest possible header minus the E field. */
  public static final int FIXED_LENGTH = 17;

  /** Size of the E field that follows the remark. */
  public static final int EXT_LENGTH_FIELD_LENGTH = 4;

  /** Size of an entry's K field. */
  public static final int KEY_LENGTH_FIELD_LENGTH = 2;

  /** Size of an entry's V field. */
  public static final int VALUE_LENGTH_FIELD_LENGTH = 4;

  /** Longest key: K is a signed int16. */
  public static final int MAX_KEY_LENGTH = Short.MAX_VALUE;

  private BinaryHeaderDescriptor() {}
}
