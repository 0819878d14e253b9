package io.duetmq.broker;

import io.duetmq.broker.config.BrokerConfig;
import io.duetmq.broker.config.ConfigFileStore;
import io.duetmq.broker.delay.DelayLevels;
import io.duetmq.broker.delay.DelayOffsetFile;
import io.duetmq.broker.delay.ScheduleConfig;
import io.duetmq.broker.delay.ScheduleMessageService;
import io.duetmq.broker.delay.ScheduleTopicRouter;
import io.duetmq.broker.group.ConsumerGroupRegistry;
import io.duetmq.broker.group.ProducerRegistry;
import io.duetmq.broker.group.SubscriptionGroupConfig;
import io.duetmq.broker.group.SubscriptionGroupRegistry;
import io.duetmq.broker.offset.ConsumerOffsetStore;
import io.duetmq.broker.offset.PeriodicScheduler;
import io.duetmq.broker.poll.LongPollConfig;
import io.duetmq.broker.poll.LongPollService;
import io.duetmq.broker.retry.RetryPolicy;
import io.duetmq.broker.retry.RetryPolicySource;
import io.duetmq.broker.retry.RetryTopics;
import io.duetmq.broker.topic.TopicRegistry;
import io.duetmq.store.MessageStore;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * The composition root of the protocol-agnostic engine: opens the registries, the offset store and
 * the services over one {@link MessageStore}, wires them to the store's arrival notifications, and
 * closes them in order. Protocol heads take the narrow parts they need from it when they are built;
 * handlers never receive the engine itself.
 */
public final class BrokerEngine implements AutoCloseable {
  private static final long REGISTRY_SCAN_MILLIS = 10_000;

  private final BrokerConfig config;
  private final MessageStore store;
  private final TopicRegistry topics;
  private final SubscriptionGroupRegistry groups;
  private final ConsumerGroupRegistry consumers;
  private final ProducerRegistry producers;
  private final ConsumerOffsetStore offsets;
  private final LongPollService longPolls;
  private final ScheduleTopicRouter scheduleRouter;
  private final ScheduleMessageService schedule;
  private final RetryPolicy retryPolicy;
  private final ScheduledExecutorService tasks;
  private final ExecutorService wakeups;

  private BrokerEngine(BrokerConfig config, MessageStore store, Clock clock) {
    this.config = config;
    this.store = store;
    ConfigFileStore files = new ConfigFileStore(store.config().storeRoot());
    this.tasks = Executors.newScheduledThreadPool(1, daemon("duetmq-broker-tasks"));
    this.wakeups = Executors.newFixedThreadPool(4, daemon("duetmq-poll-wakeup"));
    this.topics = TopicRegistry.open(config, files, clock, store::deleteTopic);
    this.groups = SubscriptionGroupRegistry.open(config, files, clock);
    this.consumers =
        new ConsumerGroupRegistry(
            clock, config.channelExpiredTimeoutMillis(), groups::notifyEnabled);
    this.producers = new ProducerRegistry(clock, config.channelExpiredTimeoutMillis());
    this.offsets =
        ConsumerOffsetStore.open(
            files,
            store,
            store,
            clock,
            PeriodicScheduler.of(tasks),
            config.flushConsumerOffsetIntervalMillis());
    this.longPolls =
        new LongPollService(LongPollConfig.defaults(), wakeups, store::maxOffset, clock);
    DelayLevels levels = DelayLevels.defaults();
    this.scheduleRouter = new ScheduleTopicRouter(levels);
    this.schedule =
        new ScheduleMessageService(
            ScheduleConfig.defaults(),
            store,
            store,
            new DelayOffsetFile(DelayOffsetFile.defaultPath(store.config().storeRoot())),
            clock);
    this.retryPolicy = new RetryPolicy(retrySource(), RandomGenerator.getDefault());
  }

  /** Opens the engine over an open store and starts its services. */
  public static BrokerEngine open(BrokerConfig config, MessageStore store, Clock clock) {
    BrokerEngine engine = new BrokerEngine(config, store, clock);
    engine.start();
    return engine;
  }

  private void start() {
    longPolls.start();
    store.addArrivalListener(longPolls);
    schedule.start();
    store.addArrivalListener(schedule);
    tasks.scheduleWithFixedDelay(
        () -> {
          consumers.scanExpired();
          producers.scanExpired();
        },
        REGISTRY_SCAN_MILLIS,
        REGISTRY_SCAN_MILLIS,
        TimeUnit.MILLISECONDS);
  }

  private RetryPolicySource retrySource() {
    return new RetryPolicySource() {
      @Override
      public int maxReconsumeTimes(String group) {
        SubscriptionGroupConfig group0 = groups.get(group);
        return group0 == null ? config.maxReconsumeTimes() : group0.retryMaxTimes();
      }

      @Override
      public int retryQueueNums(String group) {
        SubscriptionGroupConfig group0 = groups.get(group);
        return group0 == null ? 1 : Math.max(1, group0.retryQueueNums());
      }
    };
  }

  /** Creates retry and dead-letter topics on demand for the retry policy's callers. */
  public RetryTopics retryTopics() {
    return new RetryTopics() {
      @Override
      public boolean ensureRetryTopic(String group, int queueNums) {
        return topics.createRetryTopic(group, queueNums).status().hasTopic();
      }

      @Override
      public boolean ensureDlqTopic(String group) {
        return topics.createDlqTopic(group).status().hasTopic();
      }
    };
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread thread = new Thread(r, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  public BrokerConfig config() {
    return config;
  }

  public MessageStore store() {
    return store;
  }

  public TopicRegistry topics() {
    return topics;
  }

  public SubscriptionGroupRegistry groups() {
    return groups;
  }

  public ConsumerGroupRegistry consumers() {
    return consumers;
  }

  public ProducerRegistry producers() {
    return producers;
  }

  public ConsumerOffsetStore offsets() {
    return offsets;
  }

  public LongPollService longPolls() {
    return longPolls;
  }

  public ScheduleTopicRouter scheduleRouter() {
    return scheduleRouter;
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** Stops the services and persists the registries; the store stays open (its owner closes it). */
  @Override
  public void close() {
    schedule.close();
    longPolls.close();
    tasks.shutdownNow();
    offsets.close();
    topics.persist();
    groups.persist();
    wakeups.shutdown();
  }
}
