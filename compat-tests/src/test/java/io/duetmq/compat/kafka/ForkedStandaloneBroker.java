package io.duetmq.compat.kafka;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real launcher ({@code io.duetmq.distribution.DuetMq standalone}) in a JVM of its own, so that
 * a test can SIGKILL it ({@link Process#destroyForcibly}) in the middle of a write. Started with a
 * Kafka port chosen here (the launcher does not report ports), and considered up once it prints its
 * ready line. Standard error goes to {@code <dataDir>.stderr} for diagnostics.
 *
 * <p>Not thread-safe; one per test.
 */
final class ForkedStandaloneBroker implements AutoCloseable {
  private static final String MAIN = "io.duetmq.distribution.DuetMq";

  private final Process process;
  private final int kafkaPort;
  private final String readyLine;

  private ForkedStandaloneBroker(Process process, int kafkaPort, String readyLine) {
    this.process = process;
    this.kafkaPort = kafkaPort;
    this.readyLine = readyLine;
  }

  /** Starts {@code duetmq standalone -c conf --data-dir dataDir} and waits for the ready line. */
  static ForkedStandaloneBroker start(Path conf, Path dataDir, Duration readyTimeout) {
    int kafkaPort = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(testClassPath());
    command.add(MAIN);
    command.addAll(
        List.of(
            "standalone",
            "-c",
            conf.toString(),
            "--data-dir",
            dataDir.toString(),
            "--namesrv-port",
            "auto",
            "--rocketmq-port",
            "auto",
            "--kafka-port",
            Integer.toString(kafkaPort)));
    Path stderr = dataDir.resolveSibling(dataDir.getFileName() + ".stderr");
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.PIPE)
              .redirectError(stderr.toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> drain(process, ready), "forked-broker-stdout");
    reader.setDaemon(true);
    reader.start();
    try {
      String line = ready.get(readyTimeout.toMillis(), TimeUnit.MILLISECONDS);
      return new ForkedStandaloneBroker(process, kafkaPort, line);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("interrupted while starting the broker", e);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new AssertionError(
          "the forked broker did not print its ready line within "
              + readyTimeout
              + "; stderr:\n"
              + readQuietly(stderr),
          e);
    }
  }

  /** Reads stdout until the ready line, then keeps draining so the broker never blocks on it. */
  private static void drain(Process process, CompletableFuture<String> ready) {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.contains(" ready: ")) {
          ready.complete(line);
        }
      }
      ready.completeExceptionally(new IllegalStateException("stdout closed before ready"));
    } catch (IOException e) {
      ready.completeExceptionally(e);
    }
  }

  String kafkaBootstrap() {
    return "127.0.0.1:" + kafkaPort;
  }

  String readyLine() {
    return readyLine;
  }

  /** SIGKILL: no shutdown hook, no flush, no clean close. Returns once the process is gone. */
  void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError("the forked broker survived SIGKILL for 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while killing the broker", e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  /** The class path this test JVM runs with: the launcher and everything it needs. */
  private static String testClassPath() {
    // Surefire may run tests from a manifest-only jar; it keeps the real path in this property.
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
