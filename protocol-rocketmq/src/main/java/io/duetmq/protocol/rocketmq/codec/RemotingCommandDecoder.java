package io.duetmq.protocol.rocketmq.codec;

import io.netty.buffer.ByteBuf;

/**
 * Turns one complete frame into a {@link RemotingCommand} ({@link FrameDescriptor}).
 *
 * <p>Input is the frame <em>after</em> the LEN field (what a length-field frame decoder that strips
 * the length emits): the header info int, the header and the body, exactly LEN bytes.
 *
 * <p>Buffer ownership: {@link #decode} reads all readable bytes of the frame (advancing its reader
 * index), copies the body into a new array and neither retains nor releases the frame; the caller
 * releases it.
 *
 * <p>Thread-safety: stateless.
 */
public final class RemotingCommandDecoder {

  private RemotingCommandDecoder() {}

  /**
   * Decodes one frame.
   *
   * @throws RemotingCodecException for a frame shorter than the header info int, a header length
   *     beyond the frame, an unknown serialize type or a malformed header
   */
  public static RemotingCommand decode(ByteBuf frame) {
    int frameLength = frame.readableBytes();
    if (frameLength < FrameDescriptor.HEADER_INFO_LENGTH) {
      throw new RemotingCodecException(
          "frame of " + frameLength + " bytes is shorter than the 4-byte header info");
    }
    int headerInfo = frame.readInt();
    int typeCode = FrameDescriptor.serializeTypeCode(headerInfo);
    int headerLength = FrameDescriptor.headerLength(headerInfo);
    if (headerLength > frame.readableBytes()) {
      throw new RemotingCodecException(
          "header length "
              + headerLength
              + " exceeds the "
              + frame.readableBytes()
              + " bytes left in a frame of "
              + frameLength
              + " bytes");
    }
    SerializeType type = SerializeType.fromCode(typeCode);
    int headerIndex = frame.readerIndex();
    RemotingCommand header =
        switch (type) {
          case JSON -> JsonHeaderCodec.decode(frame, headerIndex, headerLength);
          case ROCKETMQ -> BinaryHeaderCodec.decode(frame, headerIndex, headerLength);
        };
    frame.skipBytes(headerLength);
    int bodyLength = frame.readableBytes();
    if (bodyLength == 0) {
      return header;
    }
    byte[] body = new byte[bodyLength];
    frame.readBytes(body);
    return header.withBody(body);
  }
}
