package io.duetmq.compat.harness;

import io.duetmq.distribution.LaunchOptions;
import io.duetmq.distribution.StandaloneServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A standalone DuetMQ started through the real launcher code ({@link LaunchOptions#parse} and
 * {@link StandaloneServer#start}), as {@code bin/duetmq standalone} would, with its data in a
 * test's temporary directory. Close it at the end of the test.
 *
 * <p>Ports: the fixture asks for port 0 everywhere and reads the addresses the server reports.
 *
 * <p>Not thread-safe; one per test.
 */
public final class BrokerFixture implements AutoCloseable {
  private static final String LOOPBACK = "127.0.0.1";

  private final StandaloneServer server;
  private final Path dataDir;

  private BrokerFixture(StandaloneServer server, Path dataDir) {
    this.server = server;
    this.dataDir = dataDir;
  }

  /**
   * Starts a standalone server whose store lives in {@code dataDir}, bound to 127.0.0.1 with ports
   * chosen by the launcher (0 = a free port); the Kafka head is off until it exists.
   */
  public static BrokerFixture start(Path dataDir) {
    return start(dataDir, Map.of());
  }

  /**
   * Like {@link #start(Path)}, with extra {@code broker.conf} lines (e.g. {@code
   * kafka.advertised.port} to put a proxy in front of the Kafka head, the segment sizes of a store
   * written elsewhere, or {@code namesrvHttpPort=0}).
   */
  public static BrokerFixture start(Path dataDir, Map<String, String> extraConf) {
    Path conf = dataDir.resolve("broker.conf");
    StringBuilder lines = new StringBuilder();
    lines.append("bindAddress=").append(LOOPBACK).append("\nbrokerIP1=").append(LOOPBACK);
    extraConf.forEach((key, value) -> lines.append('\n').append(key).append('=').append(value));
    try {
      Files.createDirectories(dataDir);
      Files.writeString(conf, lines.append('\n').toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + conf, e);
    }
    String[] args = {
      "standalone",
      "-c",
      conf.toString(),
      "--data-dir",
      dataDir.toString(),
      "--namesrv-port",
      "0",
      "--rocketmq-port",
      "0",
      "--kafka-port",
      "auto"
    };
    StandaloneServer server = StandaloneServer.start(LaunchOptions.parse(args));
    return new BrokerFixture(server, dataDir);
  }

  /** {@code host:port} for RocketMQ clients' {@code namesrvAddr}. */
  public Optional<String> namesrvAddress() {
    return Optional.of(server.namesrvAddress());
  }

  /** {@code host:port} of the broker's RocketMQ remoting head. */
  public Optional<String> rocketmqAddress() {
    return Optional.of(server.rocketmqAddress());
  }

  /** {@code host:port} for Kafka clients' {@code bootstrap.servers}. */
  public Optional<String> kafkaBootstrap() {
    return Optional.ofNullable(server.kafkaAddress());
  }

  /**
   * {@code host:port} of the NameServer's HTTP address endpoint (what clients' {@code
   * rocketmq.namesrv.domain} names), present only when the server runs one.
   */
  public Optional<String> namesrvHttpAddress() {
    return Optional.ofNullable(server.namesrvHttpAddress());
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The line the launcher prints once started, for diagnostics. */
  public String readyLine() {
    return server.readyLine();
  }

  @Override
  public void close() {
    server.close();
  }
}
