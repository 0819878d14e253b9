package io.duetmq.protocol.rocketmq.codec;

/** How a command's header is serialized: the high byte of the frame's header-info int. */
public enum SerializeType {
  /** Header is a UTF-8 JSON object (see {@link JsonHeaderCodec}). */
  JSON(0),
  /** Header is RocketMQ's binary layout (see {@link BinaryHeaderDescriptor}). */
  ROCKETMQ(1);

  private final int code;

  SerializeType(int code) {
    this.code = code;
  }

  /** The type byte written in the frame. */
  public int code() {
    return code;
  }

  /**
   * Maps the frame's type byte.
   *
   * @throws RemotingCodecException for any value other than 0 and 1
   */
  public static SerializeType fromCode(int code) {
    return switch (code) {
      case 0 -> JSON;
      case 1 -> ROCKETMQ;
      default -> throw new RemotingCodecException("unknown serialize type " + code);
    };
  }
}
