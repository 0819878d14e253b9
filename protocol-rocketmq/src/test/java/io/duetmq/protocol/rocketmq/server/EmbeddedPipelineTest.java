package io.duetmq.protocol.rocketmq.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.duetmq.protocol.rocketmq.codec.FrameDescriptor;
import io.duetmq.protocol.rocketmq.codec.LanguageCode;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.codec.RemotingCommandArbitraries;
import io.duetmq.protocol.rocketmq.codec.RemotingCommandDecoder;
import io.duetmq.protocol.rocketmq.codec.RemotingCommandEncoder;
import io.duetmq.protocol.rocketmq.codec.ResponseCode;
import io.duetmq.protocol.rocketmq.codec.SerializeType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The real pipeline on an {@link EmbeddedChannel}, with handlers run inline. */
class EmbeddedPipelineTest {

  private static final int CAPTURE = 10;
  private static final int ECHO = 11;
  private static final int THROW = 12;
  private static final int SILENT = 13;
  private static final int MAX_FRAME = 64 * 1024;

  private final List<RemotingCommand> captured = new CopyOnWriteArrayList<>();

  private EmbeddedChannel newChannel() {
    HandlerRegistry registry = new HandlerRegistry(Runnable::run);
    registry.register(
        CAPTURE,
        (request, channel) -> {
          captured.add(request);
          return null;
        },
        null);
    registry.register(
        ECHO,
        (request, channel) ->
            CompletableFuture.completedFuture(
                RemotingCommand.responseTo(request, ResponseCode.SUCCESS, request.remark())),
        null);
    registry.register(
        THROW,
        (request, channel) -> {
          throw new IllegalStateException("boom " + request.opaque());
        },
        null);
    registry.register(SILENT, (request, channel) -> CompletableFuture.completedFuture(null), null);
    EmbeddedChannel channel = new EmbeddedChannel();
    RemotingPipeline.install(
        channel.pipeline(), MAX_FRAME, 0, new CommandDispatcher(registry, new PendingRequests()));
    return channel;
  }

  @Property(tries = 100)
  void shouldDecodeFramesFedOneByteAtATime(@ForAll("requests") RemotingCommand request) {
    EmbeddedChannel channel = newChannel();
    byte[] frame = frame(request);

    for (byte b : frame) {
      channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
    }

    assertThat(captured).containsExactly(RemotingCommandArbitraries.afterRoundTrip(request));
    assertThat(channel.isOpen()).isTrue();
    assertThat(channel.finishAndReleaseAll()).isFalse();
    captured.clear();
  }

  @Provide
  Arbitrary<RemotingCommand> requests() {
    return Arbitraries.of(SerializeType.class)
        .flatMap(RemotingCommandArbitraries::commands)
        .map(
            c ->
                new RemotingCommand(
                    CAPTURE,
                    c.language(),
                    c.version(),
                    c.opaque(),
                    c.flag() & ~RemotingCommand.FLAG_RESPONSE,
                    c.remark(),
                    c.extFields(),
                    c.body(),
                    c.serializeType()));
  }

  @Property(tries = 200)
  void shouldNeverLetRandomBytesEscapeAsAnException(@ForAll byte[] garbage) {
    EmbeddedChannel channel = newChannel();

    assertThatCode(
            () -> {
              channel.writeInbound(Unpooled.wrappedBuffer(garbage));
              channel.checkException();
            })
        .doesNotThrowAnyException();
    channel.finishAndReleaseAll();
  }

  @Test
  void shouldCloseOnLengthPrefixBeyondMaxFrameWithoutBuffering() {
    EmbeddedChannel channel = newChannel();

    channel.writeInbound(Unpooled.buffer().writeInt(100_000_000).writeZero(16));

    assertClosedCleanly(channel);
  }

  @Test
  void shouldCloseOnNegativeOrTooShortLength() {
    EmbeddedChannel negative = newChannel();
    negative.writeInbound(Unpooled.buffer().writeInt(-1).writeZero(8));
    assertClosedCleanly(negative);

    EmbeddedChannel empty = newChannel();
    empty.writeInbound(Unpooled.buffer().writeInt(0));
    assertClosedCleanly(empty);

    EmbeddedChannel shortFrame = newChannel();
    shortFrame.writeInbound(Unpooled.buffer().writeInt(2).writeShort(0));
    assertClosedCleanly(shortFrame);
  }

  @Test
  void shouldCloseOnHeaderLengthLargerThanFrame() {
    EmbeddedChannel channel = newChannel();

    channel.writeInbound(Unpooled.buffer().writeInt(6).writeInt(500).writeShort(0x7b7d));

    assertClosedCleanly(channel);
  }

  @Test
  void shouldCloseOnUnknownSerializeType() {
    EmbeddedChannel channel = newChannel();

    channel.writeInbound(Unpooled.buffer().writeInt(6).writeInt((7 << 24) | 2).writeShort(0x7b7d));

    assertClosedCleanly(channel);
  }

  @Test
  void shouldCloseOnTruncatedBinaryHeader() {
    EmbeddedChannel channel = newChannel();

    channel.writeInbound(Unpooled.buffer().writeInt(4 + 10).writeInt((1 << 24) | 10).writeZero(10));

    assertClosedCleanly(channel);
  }

  @Test
  void shouldCloseOnDeeplyNestedJson() {
    EmbeddedChannel channel = newChannel();
    byte[] json =
        ("{\"code\":10,\"extFields\":" + "[".repeat(5000) + "]".repeat(5000) + "}")
            .getBytes(StandardCharsets.US_ASCII);

    channel.writeInbound(
        Unpooled.buffer().writeInt(4 + json.length).writeInt(json.length).writeBytes(json));

    assertClosedCleanly(channel);
  }

  @Test
  void shouldDispatchFramesBeforeABadOneButNoneAfterIt() {
    EmbeddedChannel channel = newChannel();
    RemotingCommand first = RemotingCommand.request(CAPTURE, Map.of("n", "1"), null);
    RemotingCommand after = RemotingCommand.request(CAPTURE, Map.of("n", "3"), null);
    ByteBuf bytes = Unpooled.buffer();
    bytes.writeBytes(frame(first));
    bytes.writeInt(6).writeInt((7 << 24) | 2).writeShort(0x7b7d);
    bytes.writeBytes(frame(after));

    channel.writeInbound(bytes);

    assertThat(captured).containsExactly(first);
    assertThat(channel.isOpen()).isFalse();
    channel.finishAndReleaseAll();
  }

  @Test
  void shouldAnswerUnknownCodeWithNotSupportedInTheRequestEncoding() {
    EmbeddedChannel channel = newChannel();
    RemotingCommand request =
        RemotingCommand.request(999, null, null)
            .withOpaque(42)
            .withSerializeType(SerializeType.ROCKETMQ);

    channel.writeInbound(Unpooled.wrappedBuffer(frame(request)));

    RemotingCommand response = readResponse(channel);
    assertThat(response.code()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
    assertThat(response.remark()).isEqualTo(" request type 999 not supported");
    assertThat(response.opaque()).isEqualTo(42);
    assertThat(response.flag()).isEqualTo(RemotingCommand.FLAG_RESPONSE);
    assertThat(response.version()).isEqualTo(RemotingCommand.OUR_VERSION);
    assertThat(response.language()).isEqualTo(LanguageCode.JAVA);
    assertThat(response.serializeType()).isEqualTo(SerializeType.ROCKETMQ);
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void shouldNeverAnswerOnewayRequests() {
    EmbeddedChannel channel = newChannel();
    int oneway = RemotingCommand.FLAG_ONEWAY;

    channel.writeInbound(
        Unpooled.wrappedBuffer(frame(RemotingCommand.request(ECHO, null, null).withFlag(oneway))));
    channel.writeInbound(
        Unpooled.wrappedBuffer(frame(RemotingCommand.request(999, null, null).withFlag(oneway))));
    channel.writeInbound(
        Unpooled.wrappedBuffer(frame(RemotingCommand.request(THROW, null, null).withFlag(oneway))));

    assertThat(channel.outboundMessages()).isEmpty();
    assertThat(channel.isOpen()).isTrue();
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void shouldAnswerSystemErrorWhenHandlerThrows() {
    EmbeddedChannel channel = newChannel();

    channel.writeInbound(
        Unpooled.wrappedBuffer(frame(RemotingCommand.request(THROW, null, null).withOpaque(5))));

    RemotingCommand response = readResponse(channel);
    assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
    assertThat(response.remark()).contains("boom 5");
    assertThat(response.opaque()).isEqualTo(5);
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void shouldSendNothingWhenHandlerReturnsNoResponse() {
    EmbeddedChannel channel = newChannel();

    channel.writeInbound(
        Unpooled.wrappedBuffer(frame(RemotingCommand.request(SILENT, null, null))));

    assertThat(channel.outboundMessages()).isEmpty();
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void shouldDropResponsesNobodyWaitsFor() {
    EmbeddedChannel channel = newChannel();
    RemotingCommand stray =
        RemotingCommand.responseTo(RemotingCommand.request(1, null, null).withOpaque(77), 0, null);

    channel.writeInbound(Unpooled.wrappedBuffer(frame(stray)));

    assertThat(channel.outboundMessages()).isEmpty();
    assertThat(captured).isEmpty();
    assertThat(channel.isOpen()).isTrue();
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  private void assertClosedCleanly(EmbeddedChannel channel) {
    assertThat(channel.isOpen()).isFalse();
    assertThatCode(channel::checkException).doesNotThrowAnyException();
    assertThat(captured).isEmpty();
    channel.finishAndReleaseAll();
  }

  private static byte[] frame(RemotingCommand command) {
    ByteBuf buf = Unpooled.buffer();
    try {
      RemotingCommandEncoder.encode(command, buf);
      return ByteBufUtil.getBytes(buf);
    } finally {
      buf.release();
    }
  }

  /** Reads and releases the single outbound frame. */
  private static RemotingCommand readResponse(EmbeddedChannel channel) {
    List<RemotingCommand> responses = new ArrayList<>();
    ByteBuf out;
    while ((out = channel.readOutbound()) != null) {
      try {
        assertThat(out.readInt()).isEqualTo(out.readableBytes());
        assertThat(out.getInt(out.readerIndex()) & FrameDescriptor.MAX_HEADER_LENGTH)
            .isLessThanOrEqualTo(out.readableBytes());
        responses.add(RemotingCommandDecoder.decode(out));
      } finally {
        out.release();
      }
    }
    assertThat(responses).hasSize(1);
    return responses.get(0);
  }
}
