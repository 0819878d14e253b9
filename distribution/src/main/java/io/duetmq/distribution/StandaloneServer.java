package io.duetmq.distribution;

import io.duetmq.store.MessageStore;
import io.duetmq.store.StoreConfig;
import io.duetmq.store.StoreConfigKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything of one standalone DuetMQ process, started in dependency order and closed in reverse.
 * Today it opens the store; the NameServer and the protocol heads join as they are built.
 */
public final class StandaloneServer implements AutoCloseable {
  private final MessageStore store;

  private StandaloneServer(MessageStore store) {
    this.store = store;
  }

  /** Starts a standalone server from launcher options (config file first, flags override). */
  public static StandaloneServer start(LaunchOptions options) {
    Map<String, String> properties = new LinkedHashMap<>();
    if (options.configFile() != null) {
      properties.putAll(BrokerConfigFile.read(options.configFile()));
    }
    if (options.dataDir() != null) {
      properties.put("storePathRootDir", options.dataDir().toString());
    }
    properties.putIfAbsent("storePathRootDir", Path.of("data").toString());
    if (options.rocketmqPort() >= 0) {
      properties.put("listenPort", Integer.toString(options.rocketmqPort()));
    }
    StoreConfig storeConfig = StoreConfigKeys.fromProperties(properties);
    return new StandaloneServer(MessageStore.open(storeConfig, Clock.systemUTC()));
  }

  public MessageStore store() {
    return store;
  }

  /** The one-line message printed once everything is up. */
  public String readyLine() {
    return "DuetMQ standalone ready: store "
        + store.config().storeRoot().toAbsolutePath()
        + " (commit log up to offset "
        + store.commitLogMaxOffset()
        + "); NameServer, RocketMQ and Kafka heads are not built yet";
  }

  @Override
  public void close() {
    store.close();
  }
}
