package io.duetmq.protocol.rocketmq.codec;

import io.netty.buffer.ByteBuf;

/**
 * Writes a {@link RemotingCommand} as one complete frame, LEN field included ({@link
 * FrameDescriptor}), with the header in the command's {@link RemotingCommand#serializeType()}.
 *
 * <p>Buffer ownership: {@link #encode} appends to {@code out} and neither retains nor releases it;
 * the caller owns {@code out}.
 *
 * <p>Thread-safety: stateless.
 */
public final class RemotingCommandEncoder {

  private RemotingCommandEncoder() {}

  /**
   * Appends the frame for {@code command} to {@code out}.
   *
   * @throws RemotingCodecException when the header cannot be expressed in the command's serialize
   *     type or is longer than {@link FrameDescriptor#MAX_HEADER_LENGTH}; {@code out} may then hold
   *     a partial frame and must be discarded
   */
  public static void encode(RemotingCommand command, ByteBuf out) {
    int start = out.writerIndex();
    out.writeInt(0); // LEN, patched below
    out.writeInt(0); // header info, patched below
    int headerLength =
        switch (command.serializeType()) {
          case JSON -> JsonHeaderCodec.encode(command, out);
          case ROCKETMQ -> BinaryHeaderCodec.encode(command, out);
        };
    if (headerLength > FrameDescriptor.MAX_HEADER_LENGTH) {
      throw new RemotingCodecException(
          "header of "
              + headerLength
              + " bytes exceeds the frame limit of "
              + FrameDescriptor.MAX_HEADER_LENGTH);
    }
    byte[] body = command.body();
    if (body != null) {
      out.writeBytes(body);
    }
    int length = out.writerIndex() - start - FrameDescriptor.LENGTH_FIELD_LENGTH;
    out.setInt(start, length);
    out.setInt(
        start + FrameDescriptor.LENGTH_FIELD_LENGTH,
        FrameDescriptor.headerInfo(command.serializeType(), headerLength));
  }
}
