package io.duetmq.broker.group;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The live consumer groups on this broker: per group the clients that heartbeat (by connection),
 * the group's subscriptions, and the consume type, message model and start position of the latest
 * heartbeat. Nothing here is persisted: clients re-register within one heartbeat period.
 *
 * <p>When a clustering group's set of client ids or set of subscribed topics changes (a client
 * joins, leaves, closes its connection or expires; a topic is added or dropped), every member of
 * the group is told through {@link ClientConnection#notifyConsumerIdsChanged} so that it rebalances
 * at once — as RocketMQ does, the new member is told as well. Broadcasting groups are never told
 * (each member reads every queue), nor groups for which {@code notifyEnabled} says no (the broker's
 * and the group's {@code notifyConsumerIdsChangedEnable}).
 *
 * <p>Subscriptions are merged as RocketMQ merges them: a new topic is added; an existing topic's
 * subscription is replaced only by one with a newer {@code subVersion}; topics missing from a
 * heartbeat are dropped.
 *
 * <p>Thread-safety: thread-safe. Each group's state is guarded by its own monitor, and groups are
 * added and removed inside {@link ConcurrentHashMap#compute}, so a group emptied by one thread
 * cannot swallow a concurrent registration. Notifications are sent after the locks are released.
 */
public final class ConsumerGroupRegistry {
  private static final System.Logger LOG = System.getLogger(ConsumerGroupRegistry.class.getName());

  private final Clock clock;
  private final long expiryMillis;
  private final Predicate<String> notifyEnabled;
  private final ConcurrentHashMap<String, GroupState> groups = new ConcurrentHashMap<>();

  /**
   * @param clock time source of heartbeats and expiry
   * @param expiryMillis a client without heartbeat for longer than this is dropped by {@link
   *     #scanExpired} ({@code channelExpiredTimeout}, 120 s)
   * @param notifyEnabled whether members of a group are to be told of changes
   */
  public ConsumerGroupRegistry(Clock clock, long expiryMillis, Predicate<String> notifyEnabled) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.notifyEnabled = Objects.requireNonNull(notifyEnabled, "notifyEnabled");
    if (expiryMillis < 1) {
      throw new IllegalArgumentException("expiryMillis " + expiryMillis + " < 1");
    }
    this.expiryMillis = expiryMillis;
  }

  /**
   * Records one group entry of a heartbeat.
   *
   * @return whether the group's client ids or subscribed topics changed
   */
  public boolean register(ConsumerHeartbeat heartbeat) {
    long now = clock.millis();
    Outcome outcome = new Outcome();
    groups.compute(
        heartbeat.group(),
        (name, existing) -> {
          GroupState state = existing == null ? new GroupState() : existing;
          synchronized (state) {
            outcome.changed = state.apply(heartbeat, now);
            if (outcome.changed && state.messageModel == MessageModel.CLUSTERING) {
              outcome.notify = state.connections();
            }
          }
          return state;
        });
    if (outcome.changed) {
      LOG.log(
          Level.INFO,
          "consumer group {0} changed on heartbeat of {1}",
          heartbeat.group(),
          heartbeat.clientId());
    }
    notifyMembers(heartbeat.group(), outcome.notify);
    return outcome.changed;
  }

  /**
   * Removes a client from a group (UNREGISTER_CLIENT), with every connection it used.
   *
   * @return whether it was registered
   */
  public boolean unregister(String group, String clientId) {
    return !removeClients(group, client -> client.clientId().equals(clientId)).isEmpty();
  }

  /**
   * Removes a closed connection from every group.
   *
   * @return the groups it was a member of
   */
  public List<String> onConnectionClosed(ClientConnection connection) {
    List<String> affected = new ArrayList<>();
    for (String group : groups.keySet()) {
      if (!removeClients(group, client -> client.connection() == connection).isEmpty()) {
        affected.add(group);
      }
    }
    return affected;
  }

  /**
   * Drops clients whose last heartbeat is older than the expiry, or whose connection is no longer
   * active. The caller closes the returned clients' connections.
   */
  public List<ClientInfo> scanExpired() {
    long now = clock.millis();
    List<ClientInfo> removed = new ArrayList<>();
    for (String group : groups.keySet()) {
      for (ClientInfo client :
          removeClients(
              group,
              c -> now - c.lastHeartbeatMillis() > expiryMillis || !c.connection().isActive())) {
        LOG.log(
            Level.INFO,
            "consumer {0} of group {1} expired ({2} ms since its heartbeat)",
            client.clientId(),
            group,
            now - client.lastHeartbeatMillis());
        removed.add(client);
      }
    }
    return removed;
  }

  /** The group's distinct client ids in string order (what rebalance sorts by); empty if none. */
  public List<String> consumerIds(String group) {
    GroupState state = groups.get(group);
    if (state == null) {
      return List.of();
    }
    synchronized (state) {
      return List.copyOf(state.clientIds());
    }
  }

  /** The group's subscription to {@code topic}, or null. */
  public SubscriptionData subscription(String group, String topic) {
    GroupState state = groups.get(group);
    if (state == null) {
      return null;
    }
    synchronized (state) {
      return state.subscriptions.get(topic);
    }
  }

  /** The live groups subscribed to {@code topic}, in name order. */
  public List<String> groupsOf(String topic) {
    List<String> result = new ArrayList<>();
    for (Map.Entry<String, GroupState> entry : new TreeMap<>(groups).entrySet()) {
      synchronized (entry.getValue()) {
        if (entry.getValue().subscriptions.containsKey(topic)) {
          result.add(entry.getKey());
        }
      }
    }
    return result;
  }

  /** A snapshot of the group, or null when it has no live client. */
  public ConsumerGroupInfo find(String group) {
    GroupState state = groups.get(group);
    if (state == null) {
      return null;
    }
    synchronized (state) {
      if (state.clients.isEmpty()) {
        return null;
      }
      List<ClientInfo> clients = new ArrayList<>(state.clients.values());
      clients.sort(Comparator.comparing(ClientInfo::clientId));
      return new ConsumerGroupInfo(
          group,
          state.consumeType,
          state.messageModel,
          state.consumeFromWhere,
          new TreeMap<>(state.subscriptions),
          List.copyOf(clients));
    }
  }

  /** The names of the live groups, in order. */
  public List<String> groups() {
    return List.copyOf(new TreeSet<>(groups.keySet()));
  }

  private List<ClientInfo> removeClients(String group, Predicate<ClientInfo> doomed) {
    Outcome outcome = new Outcome();
    groups.computeIfPresent(
        group,
        (name, state) -> {
          synchronized (state) {
            Set<String> before = state.clientIds();
            for (Iterator<ClientInfo> it = state.clients.values().iterator(); it.hasNext(); ) {
              ClientInfo client = it.next();
              if (doomed.test(client)) {
                it.remove();
                outcome.removed.add(client);
              }
            }
            if (!outcome.removed.isEmpty()
                && !before.equals(state.clientIds())
                && state.messageModel == MessageModel.CLUSTERING) {
              outcome.notify = state.connections();
            }
            return state.clients.isEmpty() ? null : state;
          }
        });
    notifyMembers(group, outcome.notify);
    return outcome.removed;
  }

  private void notifyMembers(String group, List<ClientConnection> members) {
    if (members.isEmpty() || !notifyEnabled.test(group)) {
      return;
    }
    for (ClientConnection member : members) {
      if (member.isActive()) {
        try {
          member.notifyConsumerIdsChanged(group);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "cannot notify " + member.remoteAddress() + " of " + group, e);
        }
      }
    }
  }

  /** What one compute step found, carried out of the lambda. */
  private static final class Outcome {
    boolean changed;
    List<ClientConnection> notify = List.of();
    final List<ClientInfo> removed = new ArrayList<>();
  }

  /** One group's mutable state; guarded by its own monitor. */
  private static final class GroupState {
    final Map<ClientConnection, ClientInfo> clients = new HashMap<>();
    final Map<String, SubscriptionData> subscriptions = new HashMap<>();
    ConsumeType consumeType;
    MessageModel messageModel;
    ConsumeFromWhere consumeFromWhere;

    boolean apply(ConsumerHeartbeat heartbeat, long now) {
      Set<String> idsBefore = clientIds();
      clients.put(
          heartbeat.connection(),
          new ClientInfo(heartbeat.clientId(), heartbeat.connection(), now));
      boolean changed = !idsBefore.equals(clientIds());
      consumeType = heartbeat.consumeType();
      messageModel = heartbeat.messageModel();
      consumeFromWhere = heartbeat.consumeFromWhere();
      Set<String> topics = new HashSet<>();
      for (SubscriptionData subscription : heartbeat.subscriptions()) {
        topics.add(subscription.topic());
        SubscriptionData old = subscriptions.get(subscription.topic());
        if (old == null) {
          changed = true;
          subscriptions.put(subscription.topic(), subscription);
        } else if (subscription.subVersion() > old.subVersion()) {
          subscriptions.put(subscription.topic(), subscription);
        }
      }
      changed |= subscriptions.keySet().retainAll(topics);
      return changed;
    }

    Set<String> clientIds() {
      Set<String> ids = new TreeSet<>();
      for (ClientInfo client : clients.values()) {
        ids.add(client.clientId());
      }
      return ids;
    }

    List<ClientConnection> connections() {
      return List.copyOf(clients.keySet());
    }
  }
}
