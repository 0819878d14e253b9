package io.duetmq.protocol.rocketmq.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Frames written by the real RocketMQ 5.3.3 jar (see src/test/resources/golden/README.md). */
class GoldenBytesTest {

  private static final String PROPERTIES =
      "KEYS\u0001k1\u0002UNIQ_KEY\u0001ABC\u0002WAIT\u0001true\u0002TAGS\u0001TagA\u0002";

  @Test
  void shouldDecodeTheBinaryPullResponseOfTheReferenceExample() throws IOException {
    RemotingCommand command = decodeFrame(golden("pull-response-binary.bin"));

    assertThat(command)
        .isEqualTo(
            new RemotingCommand(
                0,
                LanguageCode.JAVA,
                479,
                7,
                RemotingCommand.FLAG_RESPONSE,
                "not set any response code",
                ordered(
                    "suggestWhichBrokerId", "0",
                    "nextBeginOffset", "5",
                    "maxOffset", "5",
                    "minOffset", "0"),
                null,
                SerializeType.ROCKETMQ));
  }

  @Test
  void shouldDecodeTheJsonSendRequestWithControlCharacters() throws IOException {
    RemotingCommand command = decodeFrame(golden("send-v2-request-json.bin"));

    assertThat(command).isEqualTo(expectedSendRequest(SerializeType.JSON));
  }

  @Test
  void shouldDecodeTheBinarySendRequest() throws IOException {
    RemotingCommand command = decodeFrame(golden("send-v2-request-binary.bin"));

    assertThat(command).isEqualTo(expectedSendRequest(SerializeType.ROCKETMQ));
  }

  @Test
  void shouldDecodeTheJsonSuccessResponse() throws IOException {
    RemotingCommand command = decodeFrame(golden("success-response-json.bin"));

    assertThat(command)
        .isEqualTo(
            new RemotingCommand(
                0, LanguageCode.JAVA, 479, 1, 1, null, null, null, SerializeType.JSON));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "pull-response-binary.bin",
        "send-v2-request-json.bin",
        "send-v2-request-binary.bin",
        "success-response-json.bin"
      })
  void shouldReEncodeGoldenFramesByteForByte(String file) throws IOException {
    byte[] original = golden(file);

    byte[] reEncoded = encodeFrame(decodeFrame(original));

    assertThat(ByteBufUtil.hexDump(reEncoded)).isEqualTo(ByteBufUtil.hexDump(original));
  }

  @Test
  void shouldDecodeTheJsonLinesOfTheReference() {
    RemotingCommand request =
        JsonHeaderCodec.decode(
            "{\"code\":310,\"extFields\":{\"a\":\"pg\",\"b\":\"T\",\"n\":\"broker-a\"},\"flag\":0,"
                + "\"language\":\"JAVA\",\"opaque\":0,\"serializeTypeCurrentRPC\":\"JSON\","
                + "\"version\":479}");
    RemotingCommand response =
        JsonHeaderCodec.decode(
            "{\"code\":0,\"flag\":1,\"language\":\"JAVA\",\"opaque\":1,"
                + "\"serializeTypeCurrentRPC\":\"JSON\",\"version\":0}");
    RemotingCommand minimal =
        JsonHeaderCodec.decode("{\"code\":0,\"flag\":1,\"opaque\":5,\"language\":\"JAVA\"}");

    assertThat(request)
        .isEqualTo(
            new RemotingCommand(
                310,
                LanguageCode.JAVA,
                479,
                0,
                0,
                null,
                ordered("a", "pg", "b", "T", "n", "broker-a"),
                null,
                SerializeType.JSON));
    assertThat(request.isResponse()).isFalse();
    assertThat(response.isResponse()).isTrue();
    assertThat(response.version()).isZero();
    assertThat(minimal.opaque()).isEqualTo(5);
    assertThat(minimal.version()).isZero();
    assertThat(JsonHeaderCodec.decode(JsonHeaderCodec.encodeToString(request))).isEqualTo(request);
  }

  private static RemotingCommand expectedSendRequest(SerializeType type) {
    Map<String, String> ext =
        ordered(
            "a",
            "pg",
            "b",
            "T",
            "c",
            "TBW102",
            "d",
            "4",
            "e",
            "0",
            "f",
            "0",
            "g",
            "1700000000000",
            "h",
            "0",
            "i",
            PROPERTIES,
            "j",
            "0",
            "k",
            "false",
            "l",
            "16",
            "m",
            "false",
            "bname",
            "broker-a");
    return new RemotingCommand(
        310,
        LanguageCode.JAVA,
        479,
        0,
        0,
        null,
        ext,
        "hello".getBytes(StandardCharsets.UTF_8),
        type);
  }

  private static Map<String, String> ordered(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static byte[] golden(String file) throws IOException {
    try (InputStream in = GoldenBytesTest.class.getResourceAsStream("/golden/" + file)) {
      assertThat(in).as(file).isNotNull();
      return in.readAllBytes();
    }
  }

  /** Decodes a complete frame, LEN included, checking LEN against the byte count. */
  static RemotingCommand decodeFrame(byte[] frame) {
    ByteBuf buf = Unpooled.wrappedBuffer(frame);
    try {
      assertThat(buf.readInt()).isEqualTo(frame.length - 4);
      RemotingCommand command = RemotingCommandDecoder.decode(buf);
      assertThat(buf.isReadable()).isFalse();
      return command;
    } finally {
      buf.release();
    }
  }

  static byte[] encodeFrame(RemotingCommand command) {
    ByteBuf buf = Unpooled.buffer();
    try {
      RemotingCommandEncoder.encode(command, buf);
      return ByteBufUtil.getBytes(buf);
    } finally {
      buf.release();
    }
  }
}
