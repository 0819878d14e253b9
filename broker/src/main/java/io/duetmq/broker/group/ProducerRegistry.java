package io.duetmq.broker.group;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The live producer groups on this broker: per group the clients whose heartbeats named it, by
 * connection. Transaction check-backs pick a connection of the half message's producer group here;
 * GET_PRODUCER_CONNECTION_LIST lists them. Nothing is persisted.
 *
 * <p>Thread-safety: thread-safe; a group's table is changed inside {@link
 * ConcurrentHashMap#compute}, which also removes emptied groups.
 */
public final class ProducerRegistry {
  private static final System.Logger LOG = System.getLogger(ProducerRegistry.class.getName());

  private final Clock clock;
  private final long expiryMillis;
  private final ConcurrentHashMap<String, Map<ClientConnection, ClientInfo>> groups =
      new ConcurrentHashMap<>();

  /**
   * @param clock time source of heartbeats and expiry
   * @param expiryMillis a client without heartbeat for longer than this is dropped by {@link
   *     #scanExpired}
   */
  public ProducerRegistry(Clock clock, long expiryMillis) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (expiryMillis < 1) {
      throw new IllegalArgumentException("expiryMillis " + expiryMillis + " < 1");
    }
    this.expiryMillis = expiryMillis;
  }

  /**
   * Records a heartbeat's producer group entry.
   *
   * @return whether the connection is new to the group
   */
  public boolean register(String group, String clientId, ClientConnection connection) {
    ClientInfo info = new ClientInfo(clientId, connection, clock.millis());
    boolean[] added = new boolean[1];
    groups.compute(
        group,
        (name, clients) -> {
          Map<ClientConnection, ClientInfo> table =
              clients == null ? new ConcurrentHashMap<>() : clients;
          added[0] = table.put(connection, info) == null;
          return table;
        });
    return added[0];
  }

  /** Removes a client from a group (UNREGISTER_CLIENT); returns whether it was registered. */
  public boolean unregister(String group, String clientId) {
    return !remove(group, client -> client.clientId().equals(clientId)).isEmpty();
  }

  /** Removes a closed connection from every group; returns the groups it was a member of. */
  public List<String> onConnectionClosed(ClientConnection connection) {
    List<String> affected = new ArrayList<>();
    for (String group : groups.keySet()) {
      if (!remove(group, client -> client.connection() == connection).isEmpty()) {
        affected.add(group);
      }
    }
    return affected;
  }

  /** Drops clients without heartbeat for longer than the expiry or with an inactive connection. */
  public List<ClientInfo> scanExpired() {
    long now = clock.millis();
    List<ClientInfo> removed = new ArrayList<>();
    for (String group : groups.keySet()) {
      for (ClientInfo client :
          remove(
              group,
              c -> now - c.lastHeartbeatMillis() > expiryMillis || !c.connection().isActive())) {
        LOG.log(Level.INFO, "producer {0} of group {1} expired", client.clientId(), group);
        removed.add(client);
      }
    }
    return removed;
  }

  /** The group's clients ordered by client id; empty if none. */
  public List<ClientInfo> clients(String group) {
    Map<ClientConnection, ClientInfo> table = groups.get(group);
    if (table == null) {
      return List.of();
    }
    List<ClientInfo> clients = new ArrayList<>(table.values());
    clients.sort(Comparator.comparing(ClientInfo::clientId));
    return clients;
  }

  /** The group's active connections (check-back candidates), ordered by client id. */
  public List<ClientConnection> activeConnections(String group) {
    List<ClientConnection> result = new ArrayList<>();
    for (ClientInfo client : clients(group)) {
      if (client.connection().isActive()) {
        result.add(client.connection());
      }
    }
    return result;
  }

  /** The names of the live producer groups, in order. */
  public List<String> groups() {
    return List.copyOf(new TreeSet<>(groups.keySet()));
  }

  private List<ClientInfo> remove(String group, Predicate<ClientInfo> doomed) {
    List<ClientInfo> removed = new ArrayList<>();
    groups.computeIfPresent(
        group,
        (name, table) -> {
          table
              .values()
              .removeIf(
                  client -> {
                    boolean remove = doomed.test(client);
                    if (remove) {
                      removed.add(client);
                    }
                    return remove;
                  });
          return table.isEmpty() ? null : table;
        });
    return removed;
  }
}
