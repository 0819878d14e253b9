package io.duetmq.protocol.kafka.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Settings of the Kafka listener, validated here. Property names follow Kafka's {@code
 * server.properties} where one exists ({@link #KEYS}).
 *
 * @param bindHost address to bind ({@code kafka.bind.host}, default 0.0.0.0)
 * @param port TCP port, 0 = ephemeral ({@code kafka.port}, default 9092)
 * @param ioThreads event-loop threads for connections ({@code num.network.threads}, default 3)
 * @param maxRequestBytes largest accepted request frame, size prefix excluded; a larger one closes
 *     the connection ({@code socket.request.max.bytes}, default 104857600)
 * @param idleTimeout a connection without reads or writes for this long is closed; zero disables
 *     ({@code connections.max.idle.ms}, default 600000)
 */
public record KafkaServerConfig(
    String bindHost, int port, int ioThreads, int maxRequestBytes, Duration idleTimeout) {

  /** One configuration key: its name, default and meaning. */
  public record Key(String name, String defaultValue, String doc) {}

  public static final Key BIND_HOST = new Key("kafka.bind.host", "0.0.0.0", "address to bind");
  public static final Key PORT = new Key("kafka.port", "9092", "Kafka listener port, 0 = any");
  public static final Key IO_THREADS =
      new Key("num.network.threads", "3", "event-loop threads serving connections");
  public static final Key MAX_REQUEST_BYTES =
      new Key("socket.request.max.bytes", "104857600", "largest request frame accepted");
  public static final Key IDLE_TIMEOUT_MS =
      new Key("connections.max.idle.ms", "600000", "idle connections are closed after this");

  /** Every key this record reads. */
  public static final List<Key> KEYS =
      List.of(BIND_HOST, PORT, IO_THREADS, MAX_REQUEST_BYTES, IDLE_TIMEOUT_MS);

  public KafkaServerConfig {
    if (bindHost == null || bindHost.isBlank()) {
      throw new IllegalArgumentException("bind host must be set, got '" + bindHost + "'");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (ioThreads < 1) {
      throw new IllegalArgumentException("io threads must be >= 1, got " + ioThreads);
    }
    if (maxRequestBytes < 8 || maxRequestBytes > Integer.MAX_VALUE - 4) {
      throw new IllegalArgumentException("max request bytes out of range: " + maxRequestBytes);
    }
    if (idleTimeout == null || idleTimeout.isNegative()) {
      throw new IllegalArgumentException("idle timeout must be >= 0, got " + idleTimeout);
    }
  }

  /** All defaults. */
  public static KafkaServerConfig defaults() {
    return fromProperties(Map.of());
  }

  /** Loopback on an ephemeral port, for tests and embedding. */
  public static KafkaServerConfig loopbackEphemeral() {
    return fromProperties(Map.of(BIND_HOST.name(), "127.0.0.1", PORT.name(), "0"));
  }

  /** Builds the config from properties; missing keys take their defaults. */
  public static KafkaServerConfig fromProperties(Map<String, String> props) {
    return new KafkaServerConfig(
        value(props, BIND_HOST),
        intValue(props, PORT),
        intValue(props, IO_THREADS),
        intValue(props, MAX_REQUEST_BYTES),
        Duration.ofMillis(longValue(props, IDLE_TIMEOUT_MS)));
  }

  private static String value(Map<String, String> props, Key key) {
    return props.getOrDefault(key.name(), key.defaultValue()).trim();
  }

  private static int intValue(Map<String, String> props, Key key) {
    String raw = value(props, key);
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key.name() + " is not an int: '" + raw + "'", e);
    }
  }

  private static long longValue(Map<String, String> props, Key key) {
    String raw = value(props, key);
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key.name() + " is not a long: '" + raw + "'", e);
    }
  }
}
