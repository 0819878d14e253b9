package io.duetmq.namesrv.route;

import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * The NameServer's route tables — clusters, broker groups, topic queue data, live brokers, filter
 * servers — and the operations that must change several of them at once: registration (with
 * RocketMQ's merge semantics), unregistration, expiry, connection loss and topic deletion.
 *
 * <p>Registration merges: topics missing from a registration are kept; only the master (or, in
 * acting-master mode, the lowest-id slave) contributes topic configs, and only when the broker is
 * new or its {@link DataVersion} changed. Queue data belongs to a broker group (broker name), so
 * removing one member of a group keeps the group's topics; removing the last member removes the
 * group, its queue data everywhere, topics left without queue data, and a cluster left empty.
 *
 * <p>Thread-safety: thread-safe. One read-write lock guards all tables, so a reader never sees a
 * half-applied registration. Channels of expired brokers are closed after the lock is released.
 */
public final class RouteTables implements Routes {

  /** How long a broker may stay silent when it does not say otherwise (RocketMQ's 120 s). */
  public static final long DEFAULT_BROKER_TIMEOUT_MILLIS = 120_000;

  private static final System.Logger LOG = System.getLogger(RouteTables.class.getName());

  private final Clock clock;
  private final long defaultTimeoutMillis;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final ClusterTable clusters = new ClusterTable();
  private final Map<String, BrokerGroup> groups = new TreeMap<>();
  private final TopicQueueTable topics = new TopicQueueTable();
  private final BrokerLiveTable live = new BrokerLiveTable();
  private final FilterServerTable filterServers = new FilterServerTable();

  /**
   * @param clock source of "now" for registration times and expiry
   * @param defaultTimeoutMillis expiry of brokers that do not send {@code heartbeatTimeoutMillis}
   */
  public RouteTables(Clock clock, long defaultTimeoutMillis) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (defaultTimeoutMillis < 1) {
      throw new IllegalArgumentException(
          "defaultTimeoutMillis must be positive: " + defaultTimeoutMillis);
    }
    this.defaultTimeoutMillis = defaultTimeoutMillis;
  }

  /** Applies one REGISTER_BROKER. */
  public RegisterResult register(BrokerRegistration r) {
    long now = clock.millis();
    lock.writeLock().lock();
    try {
      BrokerGroup group = groups.get(r.brokerName());
      boolean knownId = group != null && group.addr(r.brokerId()) != null;
      if (!knownId && r.topicConfigs().size() == 1) {
        // an incremental (single-topic) registration must follow a full one
        return RegisterResult.of(RegisterStatus.REFUSED_UNKNOWN_BROKER);
      }
      boolean first = group == null;
      if (first) {
        group = new BrokerGroup(r.clusterName(), r.brokerName());
        groups.put(r.brokerName(), group);
      }
      clusters.add(r.clusterName(), r.brokerName());
      group.setEnableActingMaster(Boolean.TRUE.equals(r.enableActingMaster()));
      group.removeOtherIds(r.brokerAddr(), r.brokerId());
      String holder = group.addr(r.brokerId());
      if (holder != null && !holder.equals(r.brokerAddr()) && isStale(holder, r)) {
        live.remove(r.brokerAddr());
        LOG.log(
            Level.WARNING,
            "ignoring registration of {0} as {1}/{2}: {3} holds that id with a newer state version",
            r.brokerAddr(),
            r.brokerName(),
            r.brokerId(),
            holder);
        return RegisterResult.of(RegisterStatus.IGNORED_STALE);
      }
      first |= group.put(r.brokerId(), r.brokerAddr()) == null;
      boolean master = r.brokerId() == 0;
      boolean primeSlave =
          r.enableActingMaster() != null && !master && r.brokerId() == group.minBrokerId();
      if (master || primeSlave) {
        mergeTopics(r, first, primeSlave && group.enableActingMaster());
      }
      BrokerLiveInfo previous = live.get(r.brokerAddr());
      live.put(liveInfo(r, now));
      if (previous == null) {
        LOG.log(
            Level.INFO,
            "broker registered: {0} {1}/{2}",
            r.brokerAddr(),
            r.brokerName(),
            r.brokerId());
      }
      if (r.filterServerList() != null) {
        filterServers.put(r.brokerAddr(), r.filterServerList());
      }
      return masterOf(group, r.brokerId());
    } finally {
      lock.writeLock().unlock();
    }
  }

  private boolean isStale(String holderAddr, BrokerRegistration r) {
    BrokerLiveInfo holder = live.get(holderAddr);
    return holder != null && holder.dataVersion().stateVersion() > r.dataVersion().stateVersion();
  }

  private void mergeTopics(BrokerRegistration r, boolean first, boolean wipeWrite) {
    BrokerLiveInfo previous = live.get(r.brokerAddr());
    boolean versionChanged = previous == null || !previous.dataVersion().equals(r.dataVersion());
    for (TopicConfig config : r.topicConfigs().values()) {
      if (first || versionChanged || !topics.serves(config.topicName(), r.brokerName())) {
        QueueData queueData = config.toQueueData(r.brokerName());
        if (wipeWrite) {
          // an acting master (lowest-id slave) serves reads only
          queueData = queueData.withPerm(queueData.perm() & ~Perm.WRITE);
        }
        topics.put(config.topicName(), queueData);
      }
    }
  }

  private BrokerLiveInfo liveInfo(BrokerRegistration r, long now) {
    long timeout =
        r.heartbeatTimeoutMillis() == null ? defaultTimeoutMillis : r.heartbeatTimeoutMillis();
    return new BrokerLiveInfo(
        r.brokerAddr(),
        r.clusterName(),
        now,
        timeout,
        r.dataVersion(),
        r.channel(),
        r.haServerAddr(),
        r.kafkaAddress());
  }

  private RegisterResult masterOf(BrokerGroup group, long brokerId) {
    if (brokerId != 0) {
      String masterAddr = group.addr(0);
      BrokerLiveInfo master = masterAddr == null ? null : live.get(masterAddr);
      if (master != null) {
        return new RegisterResult(RegisterStatus.REGISTERED, masterAddr, master.haServerAddr());
      }
    }
    return RegisterResult.of(RegisterStatus.REGISTERED);
  }

  /** Applies one UNREGISTER_BROKER (a broker's clean shutdown). */
  public void unregister(String clusterName, String brokerAddr, String brokerName) {
    lock.writeLock().lock();
    try {
      removeBroker(clusterName, brokerAddr, brokerName);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Removes the brokers that registered on {@code channel}; returns how many. */
  public int onChannelClosed(RemotingChannel channel) {
    lock.writeLock().lock();
    try {
      List<BrokerLiveInfo> lost = live.registeredOn(channel.id());
      for (BrokerLiveInfo info : lost) {
        LOG.log(Level.INFO, "broker connection closed, removing {0}", info.brokerAddr());
        removeBroker(info);
      }
      return lost.size();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Removes every broker silent for longer than its timeout and closes the connection it registered
   * on.
   *
   * @return the removed brokers' addresses
   */
  public List<String> expireInactive() {
    long now = clock.millis();
    List<BrokerLiveInfo> expired;
    lock.writeLock().lock();
    try {
      expired = live.expiredAt(now);
      for (BrokerLiveInfo info : expired) {
        LOG.log(
            Level.WARNING,
            "broker {0} silent for more than {1,number,#} ms, removing it",
            info.brokerAddr(),
            info.heartbeatTimeoutMillis());
        removeBroker(info);
      }
    } finally {
      lock.writeLock().unlock();
    }
    List<String> addrs = new ArrayList<>();
    for (BrokerLiveInfo info : expired) {
      if (info.channel() != null) {
        info.channel().close();
      }
      addrs.add(info.brokerAddr());
    }
    return addrs;
  }

  private void removeBroker(BrokerLiveInfo info) {
    String brokerName = null;
    for (BrokerGroup group : groups.values()) {
      if (group.cluster().equals(info.clusterName()) && group.idOf(info.brokerAddr()) != null) {
        brokerName = group.brokerName();
        break;
      }
    }
    removeBroker(info.clusterName(), info.brokerAddr(), brokerName);
  }

  /** Caller holds the write lock. {@code brokerName} may be null (live entry only). */
  private void removeBroker(String clusterName, String brokerAddr, String brokerName) {
    live.remove(brokerAddr);
    filterServers.remove(brokerAddr);
    BrokerGroup group = brokerName == null ? null : groups.get(brokerName);
    if (group == null) {
      return;
    }
    group.removeAddr(brokerAddr);
    if (group.isEmpty()) {
      groups.remove(brokerName);
      clusters.remove(clusterName, brokerName);
      topics.removeBrokers(Set.of(brokerName));
      LOG.log(Level.INFO, "broker group {0} has no members left, removed", brokerName);
    } else if (group.enableActingMaster() && group.minBrokerId() > 0) {
      // no master any more: the acting master takes reads only
      topics.updatePerm(brokerName, perm -> perm & ~Perm.WRITE);
    }
  }

  /** Refreshes a live broker's last-update time (QUERY_DATA_VERSION, BROKER_HEARTBEAT). */
  public boolean touch(String brokerAddr) {
    long now = clock.millis();
    lock.writeLock().lock();
    try {
      BrokerLiveInfo info = live.get(brokerAddr);
      if (info == null) {
        return false;
      }
      live.put(info.touchedAt(now));
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The data version of the live broker's last registration. */
  public Optional<DataVersion> dataVersion(String brokerAddr) {
    return read(
        () -> {
          BrokerLiveInfo info = live.get(brokerAddr);
          return Optional.ofNullable(info == null ? null : info.dataVersion());
        });
  }

  /** Removes {@code topic} everywhere (DELETE_TOPIC_IN_NAMESRV without a cluster). */
  public void deleteTopic(String topic) {
    lock.writeLock().lock();
    try {
      topics.removeTopic(topic);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Removes the queue data of {@code clusterName}'s broker groups from {@code topic}. */
  public void deleteTopic(String topic, String clusterName) {
    lock.writeLock().lock();
    try {
      topics.removeBrokersFromTopic(topic, clusters.brokerNames(clusterName));
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Clears the write bit of every topic of {@code brokerName}; returns how many topics. */
  public int wipeWritePerm(String brokerName) {
    return updatePerm(brokerName, perm -> perm & ~Perm.WRITE);
  }

  /** Makes every topic of {@code brokerName} readable and writable; returns how many topics. */
  public int addWritePerm(String brokerName) {
    return updatePerm(brokerName, perm -> Perm.READ | Perm.WRITE);
  }

  private int updatePerm(String brokerName, IntUnaryOperator change) {
    lock.writeLock().lock();
    try {
      return topics.updatePerm(brokerName, change);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Topics served by a broker group of {@code clusterName} (empty for an unknown cluster). */
  public TopicList topicsByCluster(String clusterName) {
    return read(
        () -> new TopicList(topics.topicsServedBy(clusters.brokerNames(clusterName)), null));
  }

  /**
   * Cluster names and broker names (brokers create a topic named after each), plus one broker
   * address to ask for the broker-side system topics — what RocketMQ's NameServer answers.
   */
  public TopicList systemTopicList() {
    return read(
        () -> {
          List<String> names = new ArrayList<>();
          SortedMap<String, SortedSet<String>> snapshot = clusters.snapshot();
          for (Map.Entry<String, SortedSet<String>> e : snapshot.entrySet()) {
            names.add(e.getKey());
            names.addAll(e.getValue());
          }
          String anyAddr = null;
          for (BrokerGroup group : groups.values()) {
            anyAddr = group.anyAddr();
            if (anyAddr != null) {
              break;
            }
          }
          return new TopicList(names, anyAddr);
        });
  }

  @Override
  public Optional<TopicRouteData> topicRoute(String topic) {
    return read(() -> Optional.ofNullable(pickupRoute(topic)));
  }

  private TopicRouteData pickupRoute(String topic) {
    List<QueueData> queueDatas = topics.queueDatas(topic);
    List<BrokerData> brokerDatas = new ArrayList<>();
    Map<String, List<String>> filters = new HashMap<>();
    for (QueueData queueData : queueDatas) {
      BrokerGroup group = groups.get(queueData.brokerName());
      if (group == null) {
        continue;
      }
      brokerDatas.add(group.toBrokerData());
      if (!filterServers.isEmpty()) {
        for (String addr : group.addrs()) {
          List<String> list = filterServers.get(addr);
          if (list != null) {
            filters.put(addr, list);
          }
        }
      }
    }
    if (queueDatas.isEmpty() || brokerDatas.isEmpty()) {
      return null;
    }
    return new TopicRouteData(queueDatas, brokerDatas, filters, null);
  }

  @Override
  public ClusterInfo clusterInfo() {
    return read(
        () -> {
          SortedMap<String, BrokerData> brokers = new TreeMap<>();
          for (BrokerGroup group : groups.values()) {
            brokers.put(group.brokerName(), group.toBrokerData());
          }
          SortedMap<String, String> kafka = new TreeMap<>();
          for (BrokerLiveInfo info : live.snapshot()) {
            if (info.kafkaAddress() != null) {
              kafka.put(info.brokerAddr(), info.kafkaAddress());
            }
          }
          return new ClusterInfo(brokers, clusters.snapshot(), kafka);
        });
  }

  @Override
  public List<String> topics() {
    return read(() -> List.copyOf(topics.topics()));
  }

  @Override
  public List<BrokerLiveInfo> liveBrokers() {
    return read(() -> List.copyOf(live.snapshot()));
  }

  @Override
  public Optional<String> kafkaAddress(String brokerAddr) {
    return read(
        () -> {
          BrokerLiveInfo info = live.get(brokerAddr);
          return Optional.ofNullable(info == null ? null : info.kafkaAddress());
        });
  }

  private <T> T read(Supplier<T> query) {
    lock.readLock().lock();
    try {
      return query.get();
    } finally {
      lock.readLock().unlock();
    }
  }
}
