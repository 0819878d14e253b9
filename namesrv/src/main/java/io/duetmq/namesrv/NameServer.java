package io.duetmq.namesrv;

import io.duetmq.namesrv.handler.AddWritePermOfBrokerHandler;
import io.duetmq.namesrv.handler.BrokerHeartbeatHandler;
import io.duetmq.namesrv.handler.DeleteKvConfigHandler;
import io.duetmq.namesrv.handler.DeleteTopicInNamesrvHandler;
import io.duetmq.namesrv.handler.GetAllTopicListHandler;
import io.duetmq.namesrv.handler.GetBrokerClusterInfoHandler;
import io.duetmq.namesrv.handler.GetKvConfigHandler;
import io.duetmq.namesrv.handler.GetKvListByNamespaceHandler;
import io.duetmq.namesrv.handler.GetNamesrvConfigHandler;
import io.duetmq.namesrv.handler.GetRouteInfoByTopicHandler;
import io.duetmq.namesrv.handler.GetSystemTopicListHandler;
import io.duetmq.namesrv.handler.GetTopicsByClusterHandler;
import io.duetmq.namesrv.handler.NamesrvRequestCode;
import io.duetmq.namesrv.handler.PutKvConfigHandler;
import io.duetmq.namesrv.handler.QueryDataVersionHandler;
import io.duetmq.namesrv.handler.RegisterBrokerHandler;
import io.duetmq.namesrv.handler.UnregisterBrokerHandler;
import io.duetmq.namesrv.handler.WipeWritePermOfBrokerHandler;
import io.duetmq.namesrv.http.AddressHttpServer;
import io.duetmq.namesrv.kv.KvConfigStore;
import io.duetmq.namesrv.route.BrokerExpiryService;
import io.duetmq.namesrv.route.RouteTables;
import io.duetmq.namesrv.route.Routes;
import io.duetmq.protocol.rocketmq.server.RemotingServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Objects;

/**
 * The NameServer's composition root: the remoting server with one handler per request code, the
 * route tables, the KV store, the broker expiry scan and, when {@code httpPort >= 0}, the HTTP
 * address endpoint. Runs alone or embedded in the standalone launcher.
 *
 * <p>Lifecycle: construct, {@link #start()}, {@link #close()}; one start per instance.
 *
 * <p>Thread-safety: all methods are thread-safe.
 */
public final class NameServer implements AutoCloseable {

  private final NameServerConfig config;
  private final RouteTables routes;
  private final BrokerExpiryService expiry;
  private RemotingServer server;
  private AddressHttpServer http;
  // read by the HTTP endpoint's I/O thread; volatile so it never waits on this object's monitor
  private volatile String addressList;
  private boolean started;

  public NameServer(NameServerConfig config) {
    this(config, Clock.systemUTC());
  }

  /**
   * @param clock decides registration times and expiry (tests move it instead of waiting)
   */
  public NameServer(NameServerConfig config, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.routes = new RouteTables(clock, config.brokerExpiryMillis());
    this.expiry = new BrokerExpiryService(routes, config.scanNotActiveBrokerInterval());
  }

  /**
   * Loads the KV store, binds the remoting port (and the HTTP port when configured) and starts the
   * expiry scan.
   *
   * @return the bound remoting port
   * @throws IllegalStateException when started twice or a port cannot be bound
   * @throws java.io.UncheckedIOException when the KV file exists but cannot be read
   */
  public synchronized int start() {
    if (started) {
      throw new IllegalStateException("NameServer already started");
    }
    started = true;
    KvConfigStore kv = KvConfigStore.load(config.kvConfigPath());
    server = new RemotingServer(config.remotingConfig());
    registerHandlers(server, kv);
    server.addCloseListener(routes::onChannelClosed);
    try {
      int port = server.start();
      addressList =
          config.advertisedAddresses() != null
              ? config.advertisedAddresses()
              : ownHost(config.bindAddress()) + ":" + port;
      expiry.start();
      if (config.httpPort() >= 0) {
        http =
            new AddressHttpServer(
                config.bindAddress(), config.httpPort(), config.httpSubgroup(), this::addressList);
        http.start();
      }
      return port;
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private void registerHandlers(RemotingServer target, KvConfigStore kv) {
    target.registerHandler(
        NamesrvRequestCode.REGISTER_BROKER,
        new RegisterBrokerHandler(routes, kv, config.returnOrderTopicConfigToBroker()));
    target.registerHandler(
        NamesrvRequestCode.UNREGISTER_BROKER, new UnregisterBrokerHandler(routes));
    target.registerHandler(
        NamesrvRequestCode.GET_ROUTEINFO_BY_TOPIC,
        new GetRouteInfoByTopicHandler(routes, kv, config.orderMessageEnable()));
    target.registerHandler(
        NamesrvRequestCode.GET_BROKER_CLUSTER_INFO, new GetBrokerClusterInfoHandler(routes));
    target.registerHandler(
        NamesrvRequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, new GetAllTopicListHandler(routes));
    target.registerHandler(
        NamesrvRequestCode.GET_TOPICS_BY_CLUSTER, new GetTopicsByClusterHandler(routes));
    target.registerHandler(
        NamesrvRequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS, new GetSystemTopicListHandler(routes));
    target.registerHandler(
        NamesrvRequestCode.DELETE_TOPIC_IN_NAMESRV, new DeleteTopicInNamesrvHandler(routes));
    target.registerHandler(
        NamesrvRequestCode.WIPE_WRITE_PERM_OF_BROKER, new WipeWritePermOfBrokerHandler(routes));
    target.registerHandler(
        NamesrvRequestCode.ADD_WRITE_PERM_OF_BROKER, new AddWritePermOfBrokerHandler(routes));
    target.registerHandler(
        NamesrvRequestCode.QUERY_DATA_VERSION, new QueryDataVersionHandler(routes));
    target.registerHandler(NamesrvRequestCode.BROKER_HEARTBEAT, new BrokerHeartbeatHandler(routes));
    target.registerHandler(NamesrvRequestCode.PUT_KV_CONFIG, new PutKvConfigHandler(kv));
    target.registerHandler(NamesrvRequestCode.GET_KV_CONFIG, new GetKvConfigHandler(kv));
    target.registerHandler(NamesrvRequestCode.DELETE_KV_CONFIG, new DeleteKvConfigHandler(kv));
    target.registerHandler(
        NamesrvRequestCode.GET_KVLIST_BY_NAMESPACE, new GetKvListByNamespaceHandler(kv));
    target.registerHandler(
        NamesrvRequestCode.GET_NAMESRV_CONFIG, new GetNamesrvConfigHandler(config.toProperties()));
  }

  private static String ownHost(String bindAddress) {
    if (!bindAddress.equals("0.0.0.0") && !bindAddress.equals("::")) {
      return bindAddress;
    }
    try {
      return InetAddress.getLocalHost().getHostAddress();
    } catch (UnknownHostException e) {
      return "127.0.0.1";
    }
  }

  /** The bound remoting port, or -1 before {@link #start()}. */
  public synchronized int port() {
    return server == null ? -1 : server.port();
  }

  /** The bound HTTP address-endpoint port, or -1 when it is off or not started. */
  public synchronized int httpPort() {
    return http == null ? -1 : http.port();
  }

  /** The {@code ;}-separated NameServer list the HTTP endpoint answers (null before start). */
  public String addressList() {
    return addressList;
  }

  /** Read-only view of the route tables. */
  public Routes routes() {
    return routes;
  }

  /** Stops the HTTP endpoint, the expiry scan and the remoting server. Idempotent. */
  @Override
  public synchronized void close() {
    if (http != null) {
      http.close();
      http = null;
    }
    expiry.close();
    if (server != null) {
      server.close();
    }
  }
}
