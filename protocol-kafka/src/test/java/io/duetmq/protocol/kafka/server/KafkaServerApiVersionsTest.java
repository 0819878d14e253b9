package io.duetmq.protocol.kafka.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import io.duetmq.protocol.kafka.codec.ApiVersionsCodec;
import io.duetmq.protocol.kafka.codec.ApiVersionsResponse;
import io.duetmq.protocol.kafka.codec.ErrorCode;
import io.duetmq.protocol.kafka.codec.KafkaReader;
import io.duetmq.protocol.kafka.codec.RequestHeader;
import io.duetmq.protocol.kafka.handler.KafkaHandlerRegistry;
import io.duetmq.protocol.kafka.handler.MetadataHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.requests.AbstractResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KafkaServerApiVersionsTest {
  private static final List<ApiVersionRange> ADVERTISED =
      List.of(ApiVersionRange.of(3, 0, 13), ApiVersionRange.of(18, 0, 4));

  private KafkaServer server;

  @BeforeEach
  void startServer() {
    var source = new FixedMetadataSource(() -> 0, Map.of());
    server =
        new KafkaServer(
            KafkaServerConfig.loopbackEphemeral(),
            new KafkaHandlerRegistry(List.of(new MetadataHandler(source))));
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void shouldUseTheEpollTransportOnLinuxX8664() {
    boolean linuxX64 =
        System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")
            && System.getProperty("os.arch").equals("amd64");
    assertThat(server.transport()).isEqualTo(linuxX64 ? "epoll" : "nio");
  }

  @Test
  void shouldAnswerEveryKnownVersionInAFormatKafkaClientsParse() {
    try (RawKafkaConnection connection = new RawKafkaConnection(server.port())) {
      for (short version = 0; version <= 4; version++) {
        var kafkaRequest =
            new org.apache.kafka.common.requests.ApiVersionsRequest.Builder().build(version);
        var kafkaHeader =
            new org.apache.kafka.common.requests.RequestHeader(
                org.apache.kafka.common.protocol.ApiKeys.API_VERSIONS,
                version,
                "java",
                100 + version);
        ByteBuffer body = kafkaRequest.serializeWithHeader(kafkaHeader);
        connection.send(
            ByteBuffer.allocate(4 + body.remaining()).putInt(body.remaining()).put(body).array());
        var parsed =
            (org.apache.kafka.common.requests.ApiVersionsResponse)
                AbstractResponse.parseResponse(connection.readFrame(), kafkaHeader);
        assertThat(parsed.data().errorCode()).isZero();
        assertThat(parsed.data().apiKeys()).hasSize(2);
        assertThat(parsed.apiVersion((short) 3).maxVersion()).isEqualTo((short) 13);
        assertThat(parsed.apiVersion((short) 18).maxVersion()).isEqualTo((short) 4);
      }
    }
  }

  @Test
  void shouldAnswerAnUnknownVersionWithUnsupportedVersionInV0LayoutAndKeepTheConnection() {
    try (RawKafkaConnection connection = new RawKafkaConnection(server.port())) {
      // a future v9 request: flexible header v2 and a body we must not try to parse
      connection.send(
          RawKafkaConnection.frame(
              new RequestHeader((short) 18, (short) 9, 77, "future-client", (short) 2),
              w -> w.writeInt64(-1L).writeInt32(12345)));
      ByteBuffer frame = connection.readFrame();
      assertThat(frame.getInt()).as("v0 header: correlation id only").isEqualTo(77);
      ByteBuf body = Unpooled.wrappedBuffer(frame);
      try {
        KafkaReader reader = new KafkaReader(body);
        ApiVersionsResponse response = ApiVersionsCodec.decodeResponse(reader, (short) 0);
        assertThat(reader.remaining()).isZero();
        assertThat(response.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION.code());
        assertThat(response.apiKeys()).isEqualTo(ADVERTISED);
      } finally {
        body.release();
      }
      connection.send(
          RawKafkaConnection.frame(
              new RequestHeader((short) 18, (short) 0, 78, null, (short) 1), w -> {}));
      assertThat(connection.readFrame().getInt()).isEqualTo(78);
    }
  }
}
