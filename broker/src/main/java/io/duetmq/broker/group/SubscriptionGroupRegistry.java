package io.duetmq.broker.group;

import io.duetmq.broker.config.BrokerConfig;
import io.duetmq.broker.config.ConfigFileStore;
import io.duetmq.broker.config.DataVersion;
import io.duetmq.broker.json.JsonObject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The consumer groups' settings, persisted as RocketMQ's {@code config/subscriptionGroup.json}.
 *
 * <p>On open the file (or its backup) is loaded and RocketMQ's built-in groups ({@code
 * TOOLS_CONSUMER}, {@code CID_RMQ_SYS_TRANS}, ...) are added when missing. A group seen for the
 * first time in a heartbeat or pull is created with RocketMQ's defaults by {@link #findOrCreate}
 * when {@code autoCreateSubscriptionGroup} is on (always for {@code CID_RMQ_SYS_*} groups). Every
 * change bumps the data version and rewrites the file.
 *
 * <p>Thread-safety: thread-safe; reads are lock-free, changes and file writes are serialized by one
 * lock.
 */
public final class SubscriptionGroupRegistry {
  private static final System.Logger LOG =
      System.getLogger(SubscriptionGroupRegistry.class.getName());
  static final String FILE = "subscriptionGroup";
  static final String SYSTEM_GROUP_PREFIX = "CID_RMQ_SYS_";
  static final List<String> BUILT_IN_GROUPS =
      List.of(
          "TOOLS_CONSUMER",
          "FILTERSRV_CONSUMER",
          "SELF_TEST_C_GROUP",
          "CID_ONS-HTTP-PROXY",
          "CID_ONSAPI_PULL",
          "CID_ONSAPI_PERMISSION",
          "CID_ONSAPI_OWNER",
          "CID_RMQ_SYS_TRANS");

  private final BrokerConfig config;
  private final ConfigFileStore files;
  private final Clock clock;
  private final Map<String, SubscriptionGroupConfig> groups = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  private volatile DataVersion dataVersion;
  private JsonObject forbidden = JsonObject.EMPTY;

  private SubscriptionGroupRegistry(BrokerConfig config, ConfigFileStore files, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.files = Objects.requireNonNull(files, "files");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Loads {@code subscriptionGroup.json} (falling back to its backup) and adds the built-in groups.
   *
   * @throws IllegalStateException when the file exists but neither it nor its backup is usable
   */
  public static SubscriptionGroupRegistry open(
      BrokerConfig config, ConfigFileStore files, Clock clock) {
    SubscriptionGroupRegistry registry = new SubscriptionGroupRegistry(config, files, clock);
    registry.load();
    return registry;
  }

  private void load() {
    synchronized (lock) {
      int retryMaxTimes = config.maxReconsumeTimes();
      SubscriptionGroupCodec.GroupTable table =
          files
              .read(FILE, root -> SubscriptionGroupCodec.decodeTable(root, retryMaxTimes, clock))
              .orElseGet(
                  () ->
                      new SubscriptionGroupCodec.GroupTable(
                          DataVersion.initial(clock), Map.of(), JsonObject.EMPTY));
      groups.putAll(table.groups());
      forbidden = table.forbidden();
      dataVersion = table.dataVersion();
      boolean added = false;
      for (String name : BUILT_IN_GROUPS) {
        added |=
            groups.putIfAbsent(name, SubscriptionGroupConfig.defaults(name, retryMaxTimes)) == null;
      }
      if (added) {
        dataVersion = dataVersion.next(clock);
        persist();
      }
      LOG.log(Level.INFO, "{0} subscription groups loaded", groups.size());
    }
  }

  /** The group's settings, or null. */
  public SubscriptionGroupConfig get(String group) {
    return groups.get(group);
  }

  /**
   * The group's settings, creating them with the defaults when auto-creation allows it.
   *
   * @return the settings, or null when the group is unknown and may not be created
   *     (SUBSCRIPTION_GROUP_NOT_EXIST)
   */
  public SubscriptionGroupConfig findOrCreate(String group) {
    SubscriptionGroupConfig existing = groups.get(group);
    if (existing != null) {
      return existing;
    }
    if (!config.autoCreateSubscriptionGroup() && !group.startsWith(SYSTEM_GROUP_PREFIX)) {
      return null;
    }
    SubscriptionGroupConfig created;
    synchronized (lock) {
      SubscriptionGroupConfig raced = groups.get(group);
      if (raced != null) {
        return raced;
      }
      created = SubscriptionGroupConfig.defaults(group, config.maxReconsumeTimes());
      store(created);
    }
    LOG.log(Level.INFO, "subscription group {0} auto-created", group);
    return created;
  }

  /**
   * Creates or replaces a group's settings (UPDATE_AND_CREATE_SUBSCRIPTIONGROUP).
   *
   * @return whether anything changed
   */
  public boolean createOrUpdate(SubscriptionGroupConfig group) {
    synchronized (lock) {
      if (group.equals(groups.get(group.groupName()))) {
        return false;
      }
      store(group);
    }
    LOG.log(Level.INFO, "subscription group {0} stored: {1}", group.groupName(), group);
    return true;
  }

  /** Deletes a group's settings (DELETE_SUBSCRIPTIONGROUP); returns whether it existed. */
  public boolean delete(String group) {
    synchronized (lock) {
      if (groups.remove(group) == null) {
        return false;
      }
      dataVersion = dataVersion.next(clock);
      persist();
    }
    LOG.log(Level.INFO, "subscription group {0} deleted", group);
    return true;
  }

  /**
   * Whether the members of {@code group} are to be told of membership changes: the broker's and the
   * group's {@code notifyConsumerIdsChangedEnable} (an unknown group counts as enabled).
   */
  public boolean notifyEnabled(String group) {
    SubscriptionGroupConfig g = groups.get(group);
    return config.notifyConsumerIdsChangedEnable()
        && (g == null || g.notifyConsumerIdsChangedEnable());
  }

  /** Every group, ordered by name. */
  public List<SubscriptionGroupConfig> all() {
    return new ArrayList<>(new TreeMap<>(groups).values());
  }

  public DataVersion dataVersion() {
    return dataVersion;
  }

  /** Rewrites the file with the current table (also done after every change). */
  public void persist() {
    synchronized (lock) {
      files.write(FILE, SubscriptionGroupCodec.encodeTable(dataVersion, forbidden, all()));
    }
  }

  private void store(SubscriptionGroupConfig group) {
    groups.put(group.groupName(), group);
    dataVersion = dataVersion.next(clock);
    persist();
  }
}
