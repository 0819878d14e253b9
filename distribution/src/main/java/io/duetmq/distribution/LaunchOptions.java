package io.duetmq.distribution;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Command-line options of the launcher, parsed and validated once.
 *
 * @param command {@code standalone}, {@code namesrv} or {@code broker}
 * @param dataDir the store directory ({@code --data-dir}); null means the config file's or {@code
 *     ./data}
 * @param namesrvPort NameServer port ({@code --namesrv-port}); -1 = default
 * @param rocketmqPort RocketMQ remoting port ({@code --rocketmq-port}); -1 = default
 * @param kafkaPort Kafka port ({@code --kafka-port}); 0 disables the Kafka head, -1 = default
 * @param configFile a {@code broker.conf}-style properties file ({@code -c}); null if none
 */
public record LaunchOptions(
    String command,
    Path dataDir,
    int namesrvPort,
    int rocketmqPort,
    int kafkaPort,
    Path configFile) {

  public static final String USAGE =
      "usage: duetmq standalone|namesrv|broker [--data-dir DIR] [--namesrv-port N]"
          + " [--rocketmq-port N] [--kafka-port N (0 = off)] [-c broker.conf]"
          + " (a port of 'auto' is any free port)";

  /** The value of a port flag given as {@code auto}: any free port. */
  public static final int AUTO_PORT = -2;

  public LaunchOptions {
    Objects.requireNonNull(command, "command");
    if (!List.of("standalone", "namesrv", "broker").contains(command)) {
      throw new IllegalArgumentException("unknown command '" + command + "'\n" + USAGE);
    }
    checkPort("--namesrv-port", namesrvPort);
    checkPort("--rocketmq-port", rocketmqPort);
    checkPort("--kafka-port", kafkaPort);
  }

  private static void checkPort(String flag, int port) {
    if (port < AUTO_PORT || port > 65535) {
      throw new IllegalArgumentException(flag + " " + port + " is not a port");
    }
  }

  /**
   * Parses {@code args}; throws {@link IllegalArgumentException} with the usage on anything
   * unexpected.
   */
  public static LaunchOptions parse(String[] args) {
    if (args.length == 0) {
      throw new IllegalArgumentException(USAGE);
    }
    List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
    Path dataDir = null;
    Path config = null;
    int namesrv = -1;
    int rocketmq = -1;
    int kafka = -1;
    while (!rest.isEmpty()) {
      String flag = rest.remove(0);
      if (rest.isEmpty()) {
        throw new IllegalArgumentException(flag + " needs a value\n" + USAGE);
      }
      String value = rest.remove(0);
      switch (flag) {
        case "--data-dir" -> dataDir = Path.of(value);
        case "-c", "--config" -> config = Path.of(value);
        case "--namesrv-port" -> namesrv = port(flag, value);
        case "--rocketmq-port" -> rocketmq = port(flag, value);
        case "--kafka-port" -> kafka = port(flag, value);
        default -> throw new IllegalArgumentException("unknown option " + flag + "\n" + USAGE);
      }
    }
    return new LaunchOptions(args[0], dataDir, namesrv, rocketmq, kafka, config);
  }

  private static int port(String flag, String value) {
    if (value.equals("auto")) {
      return AUTO_PORT;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " '" + value + "' is not a number", e);
    }
  }
}
