package io.duetmq.protocol.kafka;

import io.duetmq.protocol.kafka.fetch.DelayedFetchService;
import io.duetmq.protocol.kafka.fetch.VisibilityWaiters;
import io.duetmq.protocol.kafka.handler.CreatePartitionsHandler;
import io.duetmq.protocol.kafka.handler.CreateTopicsHandler;
import io.duetmq.protocol.kafka.handler.DeleteTopicsHandler;
import io.duetmq.protocol.kafka.handler.DescribeClusterHandler;
import io.duetmq.protocol.kafka.handler.DescribeConfigsHandler;
import io.duetmq.protocol.kafka.handler.FetchHandler;
import io.duetmq.protocol.kafka.handler.IncrementalAlterConfigsHandler;
import io.duetmq.protocol.kafka.handler.InitProducerIdHandler;
import io.duetmq.protocol.kafka.handler.KafkaHandlerRegistry;
import io.duetmq.protocol.kafka.handler.ListOffsetsHandler;
import io.duetmq.protocol.kafka.handler.MetadataHandler;
import io.duetmq.protocol.kafka.handler.ProduceHandler;
import io.duetmq.protocol.kafka.producer.KafkaBatchAppender;
import io.duetmq.protocol.kafka.producer.ProducerIdAllocator;
import io.duetmq.protocol.kafka.producer.ProducerStateLoader;
import io.duetmq.protocol.kafka.producer.ProducerStateTable;
import io.duetmq.protocol.kafka.server.KafkaServer;
import io.duetmq.protocol.kafka.topic.BrokerIdentity;
import io.duetmq.protocol.kafka.topic.CatalogMetadataSource;
import io.duetmq.protocol.kafka.topic.KafkaTopicCatalog;
import io.duetmq.protocol.kafka.topic.TopicInfo;
import io.duetmq.store.MessageAppender;
import io.duetmq.store.QueueReader;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The composition root of the Kafka head: builds the handlers from the store ports, the topic
 * catalog and this broker's identity, registers them, and runs the listener.
 *
 * <p>{@link #start()} rebuilds idempotent-producer state from the log (before any connection is
 * accepted), registers the long-poll service as a store arrival listener, and binds the listener; a
 * configured port 0 is resolved to the bound port in the advertised identity. {@link #close()}
 * stops the listener and the long-poll thread. Not restartable; start and close are thread-safe.
 * The store is not owned: close it after the head.
 */
public final class KafkaHead implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(KafkaHead.class.getName());

  private final QueueReader reader;
  private final KafkaTopicCatalog catalog;
  private final KafkaHeadConfig config;
  private final Clock clock;
  private final AtomicReference<BrokerIdentity> identity;
  private final ProducerStateTable producers;
  private final DelayedFetchService delayedFetches = new DelayedFetchService();
  private final VisibilityWaiters visibility;
  private final KafkaServer server;
  private boolean started;

  public KafkaHead(
      MessageAppender appender,
      QueueReader reader,
      KafkaTopicCatalog catalog,
      BrokerIdentity identity,
      KafkaHeadConfig config,
      Clock clock) {
    this.reader = reader;
    this.catalog = catalog;
    this.config = config;
    this.clock = clock;
    this.identity = new AtomicReference<>(identity);
    this.producers = new ProducerStateTable(config.producerIdExpirationMs());
    ProducerIdAllocator ids = ProducerIdAllocator.open(config.stateDir());
    this.visibility = new VisibilityWaiters(reader, delayedFetches.executor());
    KafkaBatchAppender batches = new KafkaBatchAppender(appender, producers, visibility, clock);
    var registry =
        new KafkaHandlerRegistry(
            List.of(
                new ProduceHandler(catalog, batches, reader),
                new FetchHandler(catalog, reader, delayedFetches, clock),
                new ListOffsetsHandler(catalog, reader),
                new MetadataHandler(
                    new CatalogMetadataSource(
                        catalog,
                        this.identity::get,
                        config.autoCreateTopics(),
                        config.numPartitions())),
                new CreateTopicsHandler(catalog, this.identity::get, config.numPartitions()),
                new DeleteTopicsHandler(catalog, producers),
                new InitProducerIdHandler(ids),
                new DescribeConfigsHandler(catalog, this.identity::get, config.describe()),
                new CreatePartitionsHandler(catalog),
                new IncrementalAlterConfigsHandler(catalog),
                new DescribeClusterHandler(this.identity::get)));
    this.server = new KafkaServer(config.server(), registry);
  }

  /** Rebuilds producer state, then starts serving. */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("Kafka head already started");
    }
    started = true;
    long replayed = 0;
    for (TopicInfo topic : catalog.all()) {
      replayed +=
          ProducerStateLoader.load(
              reader, topic.name(), topic.partitions(), producers, clock.millis());
    }
    reader.addArrivalListener(delayedFetches);
    reader.addArrivalListener(visibility);
    server.start();
    if (identity.get().port() == 0) {
      identity.set(identity.get().withPort(server.port()));
    }
    long batches = replayed;
    LOG.log(
        Level.INFO,
        () ->
            "Kafka head serving as node "
                + identity.get().nodeId()
                + " on "
                + server.localAddress()
                + "; producer state rebuilt from "
                + batches
                + " batches");
  }

  /** The identity advertised in Metadata (with the bound port once started). */
  public BrokerIdentity identity() {
    return identity.get();
  }

  /** The bound port. */
  public int port() {
    return server.port();
  }

  /** Fetches currently parked in long poll (for tests and metrics). */
  public int parkedFetches() {
    return delayedFetches.parked();
  }

  public KafkaServer server() {
    return server;
  }

  @Override
  public synchronized void close() {
    server.close();
    delayedFetches.close();
  }
}
