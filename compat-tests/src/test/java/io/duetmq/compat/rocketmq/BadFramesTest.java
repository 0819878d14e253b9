package io.duetmq.compat.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.duetmq.compat.harness.BrokerFixture;
import io.duetmq.compat.harness.ClientRuntime;
import io.duetmq.compat.harness.ClientVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Garbage at the RocketMQ port, from raw sockets in the test JVM: every such connection is closed
 * by the broker, while a real producer (rocketmq-client 5.3.3) keeps sending on its own connection,
 * and everything it sent before, during and after reads back intact.
 */
class BadFramesTest {
  private static final int READ_TIMEOUT_MILLIS = 10_000;

  @TempDir Path dataDir;
  @TempDir Path signals;

  /** Frame = 4-byte length (of what follows), then 4-byte serialize type + header length, … */
  private static byte[] frame(int length, int typeAndHeaderLength, int trailing) {
    ByteBuffer buffer = ByteBuffer.allocate(8 + trailing);
    buffer.putInt(length).putInt(typeAndHeaderLength);
    return buffer.array();
  }

  private static Map<String, byte[]> badInputs() {
    Map<String, byte[]> inputs = new LinkedHashMap<>();
    byte[] random = new byte[64];
    new Random(42).nextBytes(random);
    ByteBuffer.wrap(random).putInt(60);
    inputs.put("random bytes after a plausible length", random);
    inputs.put("header length larger than the frame", frame(8, 1000, 4));
    inputs.put("unknown serialize type 7", frame(20, (7 << 24) | 10, 16));
    inputs.put("100 MB length prefix", frame(100 * 1024 * 1024, 10, 4));
    inputs.put("negative length", frame(-5, 10, 4));
    return inputs;
  }

  @Test
  void shouldCloseConnectionsThatSendGarbageWhileARealProducerCarriesOn() throws Exception {
    try (BrokerFixture broker = BrokerFixture.start(dataDir);
        ClientRuntime runtime = ClientRuntime.open(ClientVersion.ROCKETMQ_TOOLS_5_3)) {
      Path started = signals.resolve("started");
      Path stop = signals.resolve("stop");
      CompletableFuture<Map<String, String>> producer =
          CompletableFuture.supplyAsync(
              () ->
                  runtime.run(
                      SteadyProducerScenario.class,
                      Map.of(
                          "namesrv", broker.namesrvAddress().orElseThrow(),
                          "topic", "Steady",
                          "startedFile", started.toString(),
                          "stopFile", stop.toString())));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> Files.exists(started) || producer.isDone());
      String[] hostPort = broker.rocketmqAddress().orElseThrow().split(":");
      InetSocketAddress address = new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));

      for (Map.Entry<String, byte[]> input : badInputs().entrySet()) {
        assertThat(closedAfterSending(address, input.getValue(), false))
            .as("connection closed after: %s", input.getKey())
            .isTrue();
      }
      assertThat(closedAfterSending(address, frame(100, 10, 12), true))
          .as("connection closed after a truncated frame and end of stream")
          .isTrue();

      Files.createFile(stop);
      Map<String, String> result = producer.get(60, TimeUnit.SECONDS);
      assertThat(Integer.parseInt(result.get("sent"))).isGreaterThan(10);
    }
  }

  /** True when the broker ends the connection (EOF or reset) within the read timeout. */
  private static boolean closedAfterSending(InetSocketAddress address, byte[] bytes, boolean eof)
      throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(address, READ_TIMEOUT_MILLIS);
      socket.setSoTimeout(READ_TIMEOUT_MILLIS);
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
      if (eof) {
        socket.shutdownOutput();
      }
      InputStream in = socket.getInputStream();
      try {
        while (in.read() >= 0) {
          // whatever the broker answers before closing is fine
        }
        return true;
      } catch (SocketTimeoutException e) {
        return false;
      } catch (SocketException e) {
        return true; // reset by the broker
      }
    }
  }
}
