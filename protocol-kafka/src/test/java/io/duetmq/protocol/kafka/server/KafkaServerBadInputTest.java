package io.duetmq.protocol.kafka.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.protocol.kafka.codec.RequestHeader;
import io.duetmq.protocol.kafka.handler.KafkaHandlerRegistry;
import io.duetmq.protocol.kafka.handler.MetadataHandler;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input closes only the offending connection; another client keeps being served. */
class KafkaServerBadInputTest {
  private KafkaServer server;
  private WarningCapture warnings;

  @BeforeEach
  void startServer() {
    AtomicInteger port = new AtomicInteger();
    var source = new FixedMetadataSource(port::get, Map.of("orders", 1));
    server =
        new KafkaServer(
            KafkaServerConfig.loopbackEphemeral(),
            new KafkaHandlerRegistry(List.of(new MetadataHandler(source))));
    server.start();
    port.set(server.port());
    warnings = new WarningCapture(KafkaConnectionHandler.class);
  }

  @AfterEach
  void stopServer() {
    warnings.close();
    server.close();
  }

  private static byte[] apiVersionsV2(int correlationId) {
    return RawKafkaConnection.frame(
        new RequestHeader((short) 18, (short) 2, correlationId, "good", (short) 1), w -> {});
  }

  private static void assertServed(RawKafkaConnection good, int correlationId) {
    good.send(apiVersionsV2(correlationId));
    ByteBuffer response = good.readFrame();
    assertThat(response.getInt()).isEqualTo(correlationId);
    assertThat(response.getShort()).as("error code").isZero();
  }

  private void assertClosedWhileOtherClientIsServed(byte[] badBytes, String warning) {
    try (RawKafkaConnection good = new RawKafkaConnection(server.port());
        RawKafkaConnection bad = new RawKafkaConnection(server.port())) {
      assertServed(good, 1);
      bad.send(badBytes);
      assertThat(bad.closedByPeer()).isTrue();
      assertServed(good, 2);
    }
    assertThat(warnings.messages()).hasSize(1);
    assertThat(warnings.messages().get(0)).contains(warning);
  }

  @Test
  void shouldCloseConnectionAnnouncingA100MebibytePlusOneRequest() {
    byte[] sizeOnly = ByteBuffer.allocate(4).putInt(100 * 1024 * 1024 + 1).array();
    assertClosedWhileOtherClientIsServed(sizeOnly, "bad frame");
  }

  @Test
  void shouldCloseConnectionOnNegativeSizePrefix() {
    assertClosedWhileOtherClientIsServed(
        ByteBuffer.allocate(8).putInt(-5).putInt(0).array(), "bad frame");
  }

  @Test
  void shouldCloseConnectionOnGarbageWithUnknownApiKey() {
    byte[] garbage = new byte[4 + 40];
    new Random(42).nextBytes(garbage);
    ByteBuffer.wrap(garbage).putInt(40).putShort((short) 0x7A7A);
    assertClosedWhileOtherClientIsServed(garbage, "unknown or unsupported api key 31354");
  }

  @Test
  void shouldCloseConnectionOnKnownButUnregisteredApiKey() {
    byte[] produce =
        RawKafkaConnection.frame(
            new RequestHeader((short) 0, (short) 9, 5, "p", (short) 2), w -> w.writeInt32(0));
    assertClosedWhileOtherClientIsServed(produce, "unknown or unsupported api key 0");
  }

  @Test
  void shouldCloseConnectionOnUnsupportedMetadataVersion() {
    byte[] metadataV14 =
        RawKafkaConnection.frame(
            new RequestHeader((short) 3, (short) 14, 5, "m", (short) 2),
            w -> w.writeInt8((byte) 0));
    assertClosedWhileOtherClientIsServed(metadataV14, "unsupported version 14 of Metadata");
  }

  @Test
  void shouldCloseConnectionOnTruncatedMetadataBody() {
    byte[] truncated =
        RawKafkaConnection.frame(
            new RequestHeader((short) 3, (short) 4, 5, "m", (short) 1),
            w -> w.writeInt32(1).writeInt16((short) 50).writeInt8((byte) 'x'));
    assertClosedWhileOtherClientIsServed(truncated, "malformed request");
  }

  @Test
  void shouldCloseConnectionOnFrameTooShortForAHeader() {
    assertClosedWhileOtherClientIsServed(
        ByteBuffer.allocate(7).putInt(3).put(new byte[3]).array(), "shorter than api key");
  }
}
