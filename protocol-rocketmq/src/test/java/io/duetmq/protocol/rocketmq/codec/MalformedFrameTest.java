package io.duetmq.protocol.rocketmq.codec;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MalformedFrameTest {

  @Test
  void shouldRejectFrameShorterThanHeaderInfo() {
    assertRejected(new byte[] {1, 2}, "frame of 2 bytes is shorter");
  }

  @Test
  void shouldRejectHeaderLengthBeyondTheFrame() {
    ByteBuf frame = Unpooled.buffer().writeInt(FrameDescriptor.headerInfo(SerializeType.JSON, 50));
    frame.writeBytes("{}".getBytes(StandardCharsets.US_ASCII));

    assertRejected(frame, "header length 50 exceeds the 2 bytes left in a frame of 6 bytes");
  }

  @Test
  void shouldRejectUnknownSerializeType() {
    ByteBuf frame = Unpooled.buffer().writeInt((7 << 24) | 2).writeShort(0x7b7d);

    assertRejected(frame, "unknown serialize type 7");
  }

  @Test
  void shouldRejectMalformedJsonHeader() {
    assertRejected(jsonFrame("{\"code\":"), "bad JSON header");
    assertRejected(jsonFrame("[1,2]"), "JSON header is not an object");
    assertRejected(jsonFrame("{\"code\":\"x\"}"), "field code is not an int: \"x\"");
    assertRejected(jsonFrame("{\"code\":4294967296}"), "field code is not an int: 4294967296");
    assertRejected(jsonFrame("{\"remark\":1}"), "field remark is not a string: 1");
    assertRejected(jsonFrame("{\"extFields\":[]}"), "extFields is not an object");
    assertRejected(jsonFrame("{\"extFields\":{\"k\":{}}}"), "ext field k is not a scalar");
    assertRejected(
        jsonFrame("{\"extFields\":" + "[".repeat(200) + "]".repeat(200) + "}"),
        "nesting deeper than 64");
  }

  @Test
  void shouldRejectTruncatedBinaryHeader() {
    ByteBuf full = Unpooled.buffer();
    RemotingCommandEncoder.encode(
        new RemotingCommand(
            10,
            LanguageCode.JAVA,
            479,
            1,
            0,
            "remark",
            Map.of("k", "v"),
            null,
            SerializeType.ROCKETMQ),
        full);
    int headerLength = full.getInt(4) & 0xFFFFFF;
    try {
      for (int cut = 0; cut < headerLength; cut++) {
        ByteBuf frame = Unpooled.buffer().writeInt((1 << 24) | cut).writeBytes(full, 8, cut);
        assertRejected(frame, "truncated binary header");
      }
    } finally {
      full.release();
    }
  }

  @Test
  void shouldRejectNegativeBinaryLengths() {
    ByteBuf header = binaryFixedFields().writeInt(-5);
    assertRejected(binaryFrame(header), "negative length -5 for remark at header offset 17");

    ByteBuf header2 = binaryFixedFields().writeInt(0).writeInt(-1);
    assertRejected(binaryFrame(header2), "negative length -1 for ext fields at header offset 21");

    ByteBuf header3 = binaryFixedFields().writeInt(0).writeInt(3).writeShort(-2).writeByte(0);
    assertRejected(binaryFrame(header3), "negative length -2 for ext key");
  }

  @Test
  void shouldRefuseToEncodeCodesBeyondInt16InBinary() {
    RemotingCommand command =
        new RemotingCommand(
            200_000, LanguageCode.JAVA, 479, 1, 0, null, null, null, SerializeType.ROCKETMQ);
    ByteBuf out = Unpooled.buffer();
    try {
      assertThatThrownBy(() -> RemotingCommandEncoder.encode(command, out))
          .isInstanceOf(RemotingCodecException.class)
          .hasMessageContaining("code 200000 does not fit");
    } finally {
      out.release();
    }
  }

  private static ByteBuf binaryFixedFields() {
    return Unpooled.buffer().writeShort(10).writeByte(0).writeShort(479).writeInt(1).writeInt(0);
  }

  private static ByteBuf binaryFrame(ByteBuf header) {
    ByteBuf frame = Unpooled.buffer().writeInt((1 << 24) | header.readableBytes());
    frame.writeBytes(header);
    header.release();
    return frame;
  }

  private static ByteBuf jsonFrame(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return Unpooled.buffer().writeInt(bytes.length).writeBytes(bytes);
  }

  private static void assertRejected(byte[] frame, String message) {
    assertRejected(Unpooled.wrappedBuffer(frame), message);
  }

  /** Decodes {@code frame} expecting a codec exception, and releases it. */
  private static void assertRejected(ByteBuf frame, String message) {
    try {
      assertThatThrownBy(() -> RemotingCommandDecoder.decode(frame))
          .isInstanceOf(RemotingCodecException.class)
          .hasMessageContaining(message);
    } finally {
      frame.release();
    }
  }
}
