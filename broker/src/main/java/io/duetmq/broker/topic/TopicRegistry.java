package io.duetmq.broker.topic;

import io.duetmq.broker.config.BrokerConfig;
import io.duetmq.broker.config.ConfigFileStore;
import io.duetmq.broker.config.DataVersion;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The broker's topics, persisted as RocketMQ's {@code config/topics.json}.
 *
 * <p>On open the file (or its backup) is loaded and the system topics a RocketMQ broker creates are
 * added when missing (TBW102 with the inherit bit when {@code autoCreateTopicEnable}, the cluster-
 * and broker-name topics, {@code SCHEDULE_TOPIC_XXXX} with 18 queues, the transaction and reply
 * topics, {@code SELF_TEST_TOPIC}, {@code OFFSET_MOVED_EVENT}). Topics in the file win over these
 * defaults.
 *
 * <p>Every change bumps the {@link DataVersion} (the NameServer's change detector), rewrites the
 * file, and then tells the listeners. Refusals are {@link TopicResult} values, never exceptions.
 * Deleting a topic runs the injected {@code deleteTopicData} callback (the wiring removes the
 * topic's consume queues and stored offsets); the registry never touches the store.
 *
 * <p>Thread-safety: thread-safe. Reads ({@link #get}, {@link #all}) are lock-free; changes are
 * serialized by one lock, which also orders the file writes. Listeners run after the lock is
 * released.
 */
public final class TopicRegistry {
  private static final System.Logger LOG = System.getLogger(TopicRegistry.class.getName());
  static final String FILE = "topics";

  private final BrokerConfig config;
  private final ConfigFileStore files;
  private final Clock clock;
  private final Consumer<String> deleteTopicData;
  private final Map<String, TopicConfig> topics = new ConcurrentHashMap<>();
  private final List<TopicChangeListener> listeners = new CopyOnWriteArrayList<>();
  private final Object lock = new Object();
  private volatile DataVersion dataVersion;

  private TopicRegistry(
      BrokerConfig config, ConfigFileStore files, Clock clock, Consumer<String> deleteTopicData) {
    this.config = config;
    this.files = files;
    this.clock = clock;
    this.deleteTopicData = deleteTopicData;
  }

  /**
   * Loads {@code topics.json} (falling back to its backup) and adds the missing system topics.
   *
   * @param deleteTopicData called with a topic's name when it is deleted, to drop its data
   * @throws IllegalStateException when the file exists but neither it nor its backup is usable
   */
  public static TopicRegistry open(
      BrokerConfig config, ConfigFileStore files, Clock clock, Consumer<String> deleteTopicData) {
    TopicRegistry registry =
        new TopicRegistry(
            Objects.requireNonNull(config, "config"),
            Objects.requireNonNull(files, "files"),
            Objects.requireNonNull(clock, "clock"),
            Objects.requireNonNull(deleteTopicData, "deleteTopicData"));
    registry.load();
    return registry;
  }

  private void load() {
    synchronized (lock) {
      TopicConfigCodec.TopicTable table =
          files
              .read(FILE, root -> TopicConfigCodec.decodeTable(root, clock))
              .orElseGet(
                  () -> new TopicConfigCodec.TopicTable(DataVersion.initial(clock), Map.of()));
      topics.putAll(table.topics());
      dataVersion = table.dataVersion();
      int added = 0;
      for (TopicConfig system : SystemTopics.of(config)) {
        if (topics.putIfAbsent(system.topicName(), system) == null) {
          added++;
        }
      }
      if (added > 0) {
        dataVersion = dataVersion.next(clock);
        persist();
      }
      LOG.log(
          Level.INFO,
          "{0} topics loaded ({1} system topics added), data version {2}",
          topics.size(),
          added,
          dataVersion.counter());
    }
  }

  /** The topic's config, or null. */
  public TopicConfig get(String topic) {
    return topics.get(topic);
  }

  public boolean exists(String topic) {
    return topics.containsKey(topic);
  }

  /** Every topic, ordered by name. */
  public List<TopicConfig> all() {
    return new ArrayList<>(new TreeMap<>(topics).values());
  }

  /** The version of the table; changes with every change. */
  public DataVersion dataVersion() {
    return dataVersion;
  }

  public void addListener(TopicChangeListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Creates or changes a topic on an operator's request (UPDATE_AND_CREATE_TOPIC): refused for
   * invalid and system topic names; UNCHANGED when the topic already has exactly these settings.
   */
  public TopicResult createOrUpdate(TopicConfig topic) {
    String name = topic.topicName();
    String invalid = TopicNames.validate(name);
    if (invalid != null) {
      return TopicResult.refused(TopicStatus.INVALID_NAME, invalid);
    }
    if (TopicNames.isSystemTopic(name)) {
      return TopicResult.refused(
          TopicStatus.SYSTEM_TOPIC, "The topic[" + name + "] is conflict with system topic.");
    }
    TopicResult result;
    synchronized (lock) {
      TopicConfig previous = topics.get(name);
      if (topic.equals(previous)) {
        return TopicResult.of(TopicStatus.UNCHANGED, previous);
      }
      store(topic);
      result = TopicResult.of(previous == null ? TopicStatus.CREATED : TopicStatus.UPDATED, topic);
    }
    LOG.log(Level.INFO, "topic {0} {1}: {2}", name, result.status(), topic);
    notifyChanged(topic);
    return result;
  }

  /**
   * Creates an unknown topic on a producer's send, from {@code defaultTopic} (normally TBW102):
   * only when that topic exists and carries the inherit bit (TBW102 counts as inheritable only
   * while {@code autoCreateTopicEnable}). The new topic gets min({@code queueNums}, the default's
   * write queues) queues and the default's permission without the inherit bit. Retry topics are
   * created with one queue regardless of the default. An existing topic is returned UNCHANGED.
   */
  public TopicResult autoCreate(String topic, String defaultTopic, int queueNums) {
    TopicConfig existing = topics.get(topic);
    if (existing != null) {
      return TopicResult.of(TopicStatus.UNCHANGED, existing);
    }
    String invalid = TopicNames.validate(topic);
    if (invalid != null) {
      return TopicResult.refused(TopicStatus.INVALID_NAME, invalid);
    }
    if (TopicNames.isRetryTopic(topic)) {
      return createIfAbsent(TopicConfig.of(topic, 1, Permission.READ_WRITE));
    }
    TopicConfig template = defaultTopic == null ? null : topics.get(defaultTopic);
    boolean inheritable =
        template != null
            && template.isInheritable()
            && !TopicNames.isSystemTopic(topic)
            && (config.autoCreateTopicEnable()
                || !TopicNames.AUTO_CREATE_TOPIC.equals(defaultTopic));
    if (!inheritable) {
      return TopicResult.refused(
          TopicStatus.TOPIC_NOT_EXIST, "topic[" + topic + "] not exist, apply first please!");
    }
    int queues = Math.max(1, Math.min(queueNums, template.writeQueueNums()));
    return createIfAbsent(
        new TopicConfig(
            topic,
            queues,
            queues,
            template.perm() & ~Permission.INHERIT,
            template.topicFilterType(),
            0,
            false,
            Map.of()));
  }

  /** Creates {@code %RETRY%<group>} with one queue, read-write, unless it exists. */
  public TopicResult createRetryTopic(String group) {
    return createRetryTopic(group, 1);
  }

  /** Creates {@code %RETRY%<group>} with {@code queueNums} (the group's retryQueueNums) queues. */
  public TopicResult createRetryTopic(String group, int queueNums) {
    if (queueNums < 1) {
      throw new IllegalArgumentException(
          "retry topic of " + group + " needs >= 1 queue, got " + queueNums);
    }
    return createGroupTopic(TopicNames.retryTopic(group), queueNums);
  }

  /** Creates {@code %DLQ%<group>} with one queue, read-write, unless it exists. */
  public TopicResult createDlqTopic(String group) {
    return createGroupTopic(TopicNames.dlqTopic(group), 1);
  }

  private TopicResult createGroupTopic(String topic, int queueNums) {
    TopicConfig existing = topics.get(topic);
    if (existing != null) {
      return TopicResult.of(TopicStatus.UNCHANGED, existing);
    }
    String invalid = TopicNames.validate(topic);
    if (invalid != null) {
      return TopicResult.refused(TopicStatus.INVALID_NAME, invalid);
    }
    return createIfAbsent(TopicConfig.of(topic, queueNums, Permission.READ_WRITE));
  }

  private TopicResult createIfAbsent(TopicConfig topic) {
    synchronized (lock) {
      TopicConfig raced = topics.get(topic.topicName());
      if (raced != null) {
        return TopicResult.of(TopicStatus.UNCHANGED, raced);
      }
      store(topic);
    }
    LOG.log(Level.INFO, "topic {0} created: {1}", topic.topicName(), topic);
    notifyChanged(topic);
    return TopicResult.of(TopicStatus.CREATED, topic);
  }

  /**
   * Deletes a topic (DELETE_TOPIC_IN_BROKER): refused for invalid and system names. The topic's
   * data is dropped through the callback even when no config existed (orphaned queues and offsets
   * go too); the status says whether a config was removed.
   */
  public TopicResult delete(String topic) {
    String invalid = TopicNames.validate(topic);
    if (invalid != null) {
      return TopicResult.refused(TopicStatus.INVALID_NAME, invalid);
    }
    if (TopicNames.isSystemTopic(topic)) {
      return TopicResult.refused(
          TopicStatus.SYSTEM_TOPIC, "The topic[" + topic + "] is a system topic.");
    }
    TopicConfig removed;
    synchronized (lock) {
      removed = topics.remove(topic);
      if (removed != null) {
        dataVersion = dataVersion.next(clock);
        persist();
      }
    }
    deleteTopicData.accept(topic);
    if (removed == null) {
      return TopicResult.refused(TopicStatus.TOPIC_NOT_EXIST, "topic[" + topic + "] not exist");
    }
    LOG.log(Level.INFO, "topic {0} deleted", topic);
    for (TopicChangeListener listener : listeners) {
      listener.onTopicDeleted(topic);
    }
    return TopicResult.of(TopicStatus.DELETED, removed);
  }

  /** Rewrites the file with the current table (also done after every change). */
  public void persist() {
    synchronized (lock) {
      files.write(FILE, TopicConfigCodec.encodeTable(dataVersion, all()));
    }
  }

  private void store(TopicConfig topic) {
    topics.put(topic.topicName(), topic);
    dataVersion = dataVersion.next(clock);
    persist();
  }

  private void notifyChanged(TopicConfig topic) {
    for (TopicChangeListener listener : listeners) {
      try {
        listener.onTopicChanged(topic);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "topic listener failed for " + topic.topicName(), e);
      }
    }
  }
}
