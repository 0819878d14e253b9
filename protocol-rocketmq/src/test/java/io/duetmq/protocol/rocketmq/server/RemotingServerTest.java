package io.duetmq.protocol.rocketmq.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.codec.ResponseCode;
import io.duetmq.protocol.rocketmq.codec.SerializeType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A real server on 127.0.0.1:0 with real clients. */
class RemotingServerTest {

  private static final int ECHO = 10;
  private static final int NEVER = 11;
  private static final int ONEWAY_SINK = 12;
  private static final int ASK_CLIENT = 13;
  private static final int CLIENT_QUESTION = 221;
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final LinkedBlockingQueue<RemotingCommand> onewayReceived = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<RemotingChannel> closed = new LinkedBlockingQueue<>();
  private RemotingServer server;
  private int port;

  @BeforeEach
  void startServer() {
    server = new RemotingServer(config(120));
    registerHandlers(server);
    server.addCloseListener(closed::add);
    port = server.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private static RemotingServerConfig config(int idleSeconds) {
    return new RemotingServerConfig("127.0.0.1", 0, 1, 2, 1024 * 1024, idleSeconds);
  }

  private void registerHandlers(RemotingServer target) {
    target.registerHandler(
        ECHO,
        (request, channel) -> {
          RemotingCommand response =
              RemotingCommand.responseTo(request, ResponseCode.SUCCESS, "echo")
                  .withExtFields(request.extFields())
                  .withBody(request.body());
          return CompletableFuture.completedFuture(response);
        });
    target.registerHandler(NEVER, (request, channel) -> new CompletableFuture<>());
    target.registerHandler(
        ONEWAY_SINK,
        (request, channel) -> {
          onewayReceived.add(request);
          return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, 0, null));
        });
    target.registerHandler(
        ASK_CLIENT,
        (request, channel) ->
            channel
                .invoke(RemotingCommand.request(CLIENT_QUESTION, Map.of("q", "1"), null), TIMEOUT)
                .thenApply(
                    answer ->
                        RemotingCommand.responseTo(
                            request, ResponseCode.SUCCESS, "client said " + answer.remark())));
  }

  private RemotingClient newClient() {
    RemotingClient client = new RemotingClient(RemotingClientConfig.defaults());
    client.connect("127.0.0.1", port);
    return client;
  }

  @Test
  void shouldAnswerSyncRequest() throws InterruptedException {
    try (RemotingClient client = newClient()) {
      RemotingCommand request =
          RemotingCommand.request(
              ECHO, Map.of("topic", "T", "props", "a\u0001b\u0002"), new byte[] {1, 2, 3});

      RemotingCommand response = client.invokeSync(request, TIMEOUT);

      assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
      assertThat(response.isResponse()).isTrue();
      assertThat(response.remark()).isEqualTo("echo");
      assertThat(response.extFields()).isEqualTo(request.extFields());
      assertThat(response.body()).containsExactly(1, 2, 3);
      assertThat(response.version()).isEqualTo(RemotingCommand.OUR_VERSION);
    }
  }

  @Test
  void shouldAnswerAsyncRequestsMatchedByOpaque() throws Exception {
    try (RemotingClient client = newClient()) {
      CompletableFuture<RemotingCommand> first =
          client.invokeAsync(RemotingCommand.request(ECHO, Map.of("n", "1"), null), TIMEOUT);
      CompletableFuture<RemotingCommand> second =
          client.invokeAsync(RemotingCommand.request(ECHO, Map.of("n", "2"), null), TIMEOUT);

      assertThat(second.get(5, TimeUnit.SECONDS).extField("n")).isEqualTo("2");
      assertThat(first.get(5, TimeUnit.SECONDS).extField("n")).isEqualTo("1");
      assertThat(first.get().opaque()).isNotEqualTo(second.get().opaque());
    }
  }

  @Test
  void shouldReplyInTheRequestsSerialization() throws InterruptedException {
    try (RemotingClient client = newClient()) {
      RemotingCommand request =
          RemotingCommand.request(ECHO, Map.of("k", "v"), null)
              .withSerializeType(SerializeType.ROCKETMQ);

      RemotingCommand response = client.invokeSync(request, TIMEOUT);

      assertThat(response.serializeType()).isEqualTo(SerializeType.ROCKETMQ);
      assertThat(response.extFields()).containsExactly(Map.entry("k", "v"));
    }
  }

  @Test
  void shouldDeliverOnewayRequestsWithoutAnswering() throws Exception {
    try (RemotingClient client = newClient()) {
      client
          .invokeOneway(RemotingCommand.request(ONEWAY_SINK, Map.of("x", "y"), null))
          .get(5, TimeUnit.SECONDS);

      RemotingCommand received = onewayReceived.poll(5, TimeUnit.SECONDS);
      assertThat(received).isNotNull();
      assertThat(received.isOneway()).isTrue();
      assertThat(received.extField("x")).isEqualTo("y");
      // the connection keeps working after the (suppressed) response
      assertThat(client.invokeSync(RemotingCommand.request(ECHO, null, null), TIMEOUT).code())
          .isEqualTo(ResponseCode.SUCCESS);
    }
  }

  @Test
  void shouldAnswerUnknownCodeWithRequestCodeNotSupported() throws InterruptedException {
    try (RemotingClient client = newClient()) {
      RemotingCommand response =
          client.invokeSync(RemotingCommand.request(4242, null, null), TIMEOUT);

      assertThat(response.code()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
      assertThat(response.remark()).contains("4242");
    }
  }

  @Test
  void shouldRoundTripServerToClientRequest() throws InterruptedException {
    try (RemotingClient client = new RemotingClient(RemotingClientConfig.defaults())) {
      client.registerHandler(
          CLIENT_QUESTION,
          (request, channel) ->
              CompletableFuture.completedFuture(
                  RemotingCommand.responseTo(request, 0, "hi " + request.extField("q"))));
      client.connect("127.0.0.1", port);

      RemotingCommand response =
          client.invokeSync(RemotingCommand.request(ASK_CLIENT, null, null), TIMEOUT);

      assertThat(response.remark()).isEqualTo("client said hi 1");
    }
  }

  @Test
  void shouldTimeOutWhenNoResponseArrives() {
    try (RemotingClient client = newClient()) {
      assertThatThrownBy(
              () ->
                  client.invokeSync(
                      RemotingCommand.request(NEVER, null, null), Duration.ofMillis(200)))
          .isInstanceOf(RemotingTimeoutException.class)
          .hasMessageContaining("request code " + NEVER)
          .hasMessageContaining("within 200 ms");
    }
  }

  @Test
  void shouldFailPendingRequestsAndNotifyListenersWhenConnectionCloses() throws Exception {
    CountDownLatch clientClosed = new CountDownLatch(1);
    try (RemotingClient client = newClient()) {
      client.addCloseListener(channel -> clientClosed.countDown());
      CompletableFuture<RemotingCommand> pending =
          client.invokeAsync(RemotingCommand.request(NEVER, null, null), TIMEOUT);
      client.invokeSync(RemotingCommand.request(ECHO, null, null), TIMEOUT);

      server.close();

      assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(RemotingConnectionException.class);
      assertThat(clientClosed.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(client.isActive()).isFalse();
    }
  }

  @Test
  void shouldNotifyCloseListenerWhenClientDisconnects() throws InterruptedException {
    RemotingClient client = newClient();
    client.invokeSync(RemotingCommand.request(ECHO, null, null), TIMEOUT);

    client.close();

    RemotingChannel channel = closed.poll(5, TimeUnit.SECONDS);
    assertThat(channel).isNotNull();
    assertThat(channel.isActive()).isFalse();
    assertThat(channel.remoteAddress()).startsWith("127.0.0.1:");
  }

  @Test
  void shouldCloseIdleConnections() throws InterruptedException {
    try (RemotingServer idleServer = new RemotingServer(config(1))) {
      LinkedBlockingQueue<RemotingChannel> idleClosed = new LinkedBlockingQueue<>();
      idleServer.addCloseListener(idleClosed::add);
      int idlePort = idleServer.start();
      try (RemotingClient client = new RemotingClient(RemotingClientConfig.defaults())) {
        client.connect("127.0.0.1", idlePort);

        assertThat(idleClosed.poll(5, TimeUnit.SECONDS)).isNotNull();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"oversized", "unknownType", "headerBeyondFrame", "garbageJson"})
  void shouldCloseBadConnectionAndKeepServingOthers(String kind) throws Exception {
    try (RemotingClient good = newClient();
        Socket bad = new Socket("127.0.0.1", port)) {
      bad.setSoTimeout(5000);
      OutputStream out = bad.getOutputStream();

      out.write(badBytes(kind));
      out.flush();

      assertThat(readUntilClosed(bad.getInputStream())).isTrue();
      assertThat(closed.poll(5, TimeUnit.SECONDS)).isNotNull();
      assertThat(good.invokeSync(RemotingCommand.request(ECHO, null, null), TIMEOUT).code())
          .isEqualTo(ResponseCode.SUCCESS);
    }
  }

  @Test
  void shouldUseEpollOnLinuxX8664() {
    assumeTrue(
        System.getProperty("os.name").toLowerCase().startsWith("linux")
            && System.getProperty("os.arch").matches("amd64|x86_64"),
        "epoll native library is packaged for linux-x86_64 only");

    assertThat(server.transport()).isEqualTo("epoll");
  }

  @Test
  void shouldRejectSecondHandlerForTheSameCode() {
    assertThatThrownBy(
            () -> server.registerHandler(ECHO, (r, c) -> CompletableFuture.completedFuture(null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("request code 10");
  }

  private static byte[] badBytes(String kind) {
    return switch (kind) {
      case "oversized" -> ByteBuffer.allocate(8).putInt(100_000_000).putInt(0).array();
      case "unknownType" -> ByteBuffer.allocate(10).putInt(6).putInt((7 << 24) | 2).array();
      case "headerBeyondFrame" -> ByteBuffer.allocate(10).putInt(6).putInt(1000).array();
      default -> {
        byte[] json = "{\"code\":".getBytes(StandardCharsets.US_ASCII);
        yield ByteBuffer.allocate(8 + json.length)
            .putInt(4 + json.length)
            .putInt(json.length)
            .put(json)
            .array();
      }
    };
  }

  /** True once the peer closed (EOF or reset); fails the test on a read timeout. */
  private static boolean readUntilClosed(InputStream in) throws IOException {
    try {
      while (in.read() != -1) {
        // the server sends nothing on a bad connection; keep reading until it closes
      }
      return true;
    } catch (SocketException reset) {
      return true;
    }
  }
}
