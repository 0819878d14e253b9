package io.duetmq.protocol.kafka.head;

import io.duetmq.broker.config.ConfigFileStore;
import io.duetmq.broker.offset.ConsumerOffsetStore;
import io.duetmq.broker.offset.PeriodicScheduler;
import io.duetmq.protocol.kafka.KafkaHead;
import io.duetmq.protocol.kafka.KafkaHeadConfig;
import io.duetmq.protocol.kafka.group.ConsumerOffsetStoreGroupOffsets;
import io.duetmq.protocol.kafka.topic.BrokerIdentity;
import io.duetmq.protocol.kafka.topic.InMemoryTopicCatalog;
import io.duetmq.store.MessageStore;
import io.duetmq.store.StoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * A real store, the broker's real ConsumerOffsetStore on it and a Kafka head wired to both, with a
 * 50 ms initial rebalance delay and a 500 ms minimum session timeout.
 */
final class GroupHeadFixture implements AutoCloseable {
  final Path dir;
  final InMemoryTopicCatalog catalog;
  final MessageStore store;
  final ConsumerOffsetStore offsets;
  final KafkaHead head;

  GroupHeadFixture(Path dir) {
    this(dir, new InMemoryTopicCatalog());
  }

  GroupHeadFixture(Path dir, InMemoryTopicCatalog catalog) {
    this.dir = dir;
    this.catalog = catalog;
    Path root = dir.resolve("store");
    this.store =
        MessageStore.open(
            StoreConfig.defaults(root).withCommitLogSegmentSize(8 << 20), Clock.systemUTC());
    this.offsets =
        ConsumerOffsetStore.open(
            new ConfigFileStore(root),
            store,
            store,
            Clock.systemUTC(),
            PeriodicScheduler.NONE,
            5_000);
    Map<String, String> props = new HashMap<>();
    props.put("kafka.bind.host", "127.0.0.1");
    props.put("kafka.port", "0");
    props.put("num.network.threads", "2");
    props.put("group.initial.rebalance.delay.ms", "50");
    props.put("group.min.session.timeout.ms", "500");
    this.head =
        new KafkaHead(
            store,
            store,
            catalog,
            new BrokerIdentity(HeadFixture.NODE_ID, "127.0.0.1", 0, null, HeadFixture.CLUSTER_ID),
            KafkaHeadConfig.fromProperties(props, root.resolve("duetmq")),
            new ConsumerOffsetStoreGroupOffsets(offsets),
            Clock.systemUTC());
    head.start();
  }

  GroupHeadFixture reopen() {
    close();
    return new GroupHeadFixture(dir, catalog);
  }

  String bootstrap() {
    return "127.0.0.1:" + head.port();
  }

  Properties consumerProps(String group) {
    Properties p = new HeadFixtureProps(bootstrap()).consumer();
    p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 200);
    p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000);
    return p;
  }

  Properties producerProps() {
    return new HeadFixtureProps(bootstrap()).producer();
  }

  Properties adminProps() {
    return new HeadFixtureProps(bootstrap()).admin();
  }

  @Override
  public void close() {
    head.close();
    offsets.close();
    store.close();
  }
}
