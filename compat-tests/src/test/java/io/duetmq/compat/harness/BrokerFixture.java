package io.duetmq.compat.harness;

import io.duetmq.distribution.LaunchOptions;
import io.duetmq.distribution.StandaloneServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A standalone DuetMQ started through the real launcher code ({@link LaunchOptions#parse} and
 * {@link StandaloneServer#start}), as {@code bin/duetmq standalone} would, with its data in a
 * test's temporary directory. Close it at the end of the test.
 *
 * <p>Ports: the launcher reads {@code --kafka-port 0} as "Kafka off" and does not yet report bound
 * ports, so the fixture reserves three free loopback ports and passes them as flags. An address is
 * reported only while something accepts connections on it, which is how the smoke tests run today,
 * before the NameServer and the protocol heads exist: every address is then empty.
 *
 * <p>Not thread-safe; one per test.
 */
public final class BrokerFixture implements AutoCloseable {
  private static final String LOOPBACK = "127.0.0.1";
  private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

  private final StandaloneServer server;
  private final Path dataDir;
  private final int namesrvPort;
  private final int rocketmqPort;
  private final int kafkaPort;

  private BrokerFixture(
      StandaloneServer server, Path dataDir, int namesrvPort, int rocketmqPort, int kafkaPort) {
    this.server = server;
    this.dataDir = dataDir;
    this.namesrvPort = namesrvPort;
    this.rocketmqPort = rocketmqPort;
    this.kafkaPort = kafkaPort;
  }

  /** Starts a standalone server whose store lives in {@code dataDir}. */
  public static BrokerFixture start(Path dataDir) {
    List<Integer> ports = reserveLoopbackPorts(3);
    String[] args = {
      "standalone",
      "--data-dir",
      dataDir.toString(),
      "--namesrv-port",
      ports.get(0).toString(),
      "--rocketmq-port",
      ports.get(1).toString(),
      "--kafka-port",
      ports.get(2).toString()
    };
    StandaloneServer server = StandaloneServer.start(LaunchOptions.parse(args));
    return new BrokerFixture(server, dataDir, ports.get(0), ports.get(1), ports.get(2));
  }

  /** {@code host:port} for RocketMQ clients' {@code namesrvAddr}, once the NameServer listens. */
  public Optional<String> namesrvAddress() {
    return listening(namesrvPort);
  }

  /** {@code host:port} of the broker's RocketMQ remoting head, once it listens. */
  public Optional<String> rocketmqAddress() {
    return listening(rocketmqPort);
  }

  /**
   * {@code host:port} for Kafka clients' {@code bootstrap.servers}, once the Kafka head listens.
   */
  public Optional<String> kafkaBootstrap() {
    return listening(kafkaPort);
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

  private static Optional<String> listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(LOOPBACK, port), CONNECT_TIMEOUT_MILLIS);
      return Optional.of(LOOPBACK + ":" + port);
    } catch (IOException refused) {
      return Optional.empty();
    }
  }

  /**
   * Ports that were free a moment ago. Holding all sockets open until every port is known keeps the
   * ports distinct; another process could still take one before the server binds it, which on a
   * test machine's loopback is rare enough to accept until the launcher reports bound ports.
   */
  private static List<Integer> reserveLoopbackPorts(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      InetAddress loopback = InetAddress.getByName(LOOPBACK);
      List<Integer> ports = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, loopback);
        sockets.add(socket);
        ports.add(socket.getLocalPort());
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reserve loopback ports", e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException e) {
          // closing a listening socket that never accepted cannot lose anything
        }
      }
    }
  }
}
