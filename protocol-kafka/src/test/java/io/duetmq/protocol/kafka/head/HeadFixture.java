package io.duetmq.protocol.kafka.head;

import io.duetmq.protocol.kafka.KafkaHead;
import io.duetmq.protocol.kafka.KafkaHeadConfig;
import io.duetmq.protocol.kafka.topic.BrokerIdentity;
import io.duetmq.protocol.kafka.topic.InMemoryTopicCatalog;
import io.duetmq.store.MessageStore;
import io.duetmq.store.StoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** A real store on a temp dir, an in-memory catalog and a Kafka head on 127.0.0.1:0. */
final class HeadFixture implements AutoCloseable {
  static final int NODE_ID = 7;
  static final String CLUSTER_ID = "duetmq-head-test";

  final Path dir;
  final InMemoryTopicCatalog catalog;
  final MessageStore store;
  final KafkaHead head;

  HeadFixture(Path dir) {
    this(dir, new InMemoryTopicCatalog(), Map.of());
  }

  HeadFixture(Path dir, InMemoryTopicCatalog catalog, Map<String, String> props) {
    this.dir = dir;
    this.catalog = catalog;
    this.store =
        MessageStore.open(
            StoreConfig.defaults(dir.resolve("store")).withCommitLogSegmentSize(8 << 20),
            Clock.systemUTC());
    Map<String, String> all = new java.util.HashMap<>(props);
    all.put("kafka.bind.host", "127.0.0.1");
    all.put("kafka.port", "0");
    all.put("num.network.threads", "2");
    this.head =
        new KafkaHead(
            store,
            store,
            catalog,
            new BrokerIdentity(NODE_ID, "127.0.0.1", 0, null, CLUSTER_ID),
            KafkaHeadConfig.fromProperties(all, dir.resolve("store").resolve("duetmq")),
            Clock.systemUTC());
    head.start();
  }

  /** Closes head and store and opens both again on the same directory and catalog. */
  HeadFixture reopen() {
    close();
    return new HeadFixture(dir, catalog, Map.of());
  }

  String bootstrap() {
    return "127.0.0.1:" + head.port();
  }

  Properties producerProps() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000);
    return p;
  }

  Properties consumerProps() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    return p;
  }

  Properties adminProps() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
    return p;
  }

  @Override
  public void close() {
    head.close();
    store.close();
  }
}
