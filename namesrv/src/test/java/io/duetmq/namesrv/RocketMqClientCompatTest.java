package io.duetmq.namesrv;

import static io.duetmq.namesrv.BrokerRequests.body;
import static io.duetmq.namesrv.BrokerRequests.register;
import static io.duetmq.namesrv.BrokerRequests.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.duetmq.protocol.rocketmq.server.RemotingClient;
import io.duetmq.protocol.rocketmq.server.RemotingClientConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.namesrv.DefaultTopAddressing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real rocketmq-client 5.3.3 against our NameServer. */
class RocketMqClientCompatTest {

  private static final String DOMAIN_PROPERTY = "rocketmq.namesrv.domain";

  @TempDir Path dataDir;

  private NameServer nameServer;
  private RemotingClient broker;
  private DefaultMQProducer producer;
  private int port;

  @BeforeEach
  void start() throws InterruptedException {
    nameServer =
        new NameServer(
            NameServerConfig.defaults(dataDir).withListen("127.0.0.1", 0).withHttp(0, null));
    port = nameServer.start();
    broker = new RemotingClient(RemotingClientConfig.defaults());
    broker.connect("127.0.0.1", port);
    // brokers on ports nobody listens on: the client only needs their addresses
    broker.invokeSync(
        register("127.0.0.1:1", "broker-a", 0, body(1, topic("T", 4, 6), topic("TBW102", 8, 7))),
        Duration.ofSeconds(5));
    broker.invokeSync(
        register("127.0.0.1:2", "broker-b", 0, body(1, topic("T", 2, 6), topic("RO", 2, 4))),
        Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    System.clearProperty(DOMAIN_PROPERTY);
    if (producer != null) {
      producer.shutdown();
    }
    broker.close();
    nameServer.close();
  }

  private DefaultMQProducer startProducer(String namesrvAddr) throws MQClientException {
    producer = new DefaultMQProducer("compat-producer-" + System.nanoTime());
    producer.setInstanceName("compat-" + System.nanoTime());
    if (namesrvAddr != null) {
      producer.setNamesrvAddr(namesrvAddr);
    }
    producer.start();
    return producer;
  }

  @Test
  void shouldGivePublishQueuesOfEveryWritableBrokerToTheRealClient() throws Exception {
    List<MessageQueue> queues = startProducer("127.0.0.1:" + port).fetchPublishMessageQueues("T");

    assertThat(queues)
        .containsExactly(
            new MessageQueue("T", "broker-a", 0),
            new MessageQueue("T", "broker-a", 1),
            new MessageQueue("T", "broker-a", 2),
            new MessageQueue("T", "broker-a", 3),
            new MessageQueue("T", "broker-b", 0),
            new MessageQueue("T", "broker-b", 1));
  }

  @Test
  void shouldMakeTheRealClientReportAnUnknownTopic() throws Exception {
    DefaultMQProducer started = startProducer("127.0.0.1:" + port);

    assertThatThrownBy(() -> started.fetchPublishMessageQueues("nope"))
        .isInstanceOf(MQClientException.class);
  }

  @Test
  void shouldLetTheRealAddressLookupFetchTheNameServerList() {
    System.setProperty(DOMAIN_PROPERTY, "127.0.0.1:" + nameServer.httpPort());

    String fetched = new DefaultTopAddressing(MixAll.getWSAddr(), null).fetchNSAddr();

    assertThat(MixAll.getWSAddr())
        .isEqualTo("http://127.0.0.1:" + nameServer.httpPort() + "/rocketmq/nsaddr");
    assertThat(fetched).isEqualTo("127.0.0.1:" + port);
  }

  @Test
  void shouldLetAProducerWithoutAddressFindTheNameServerOverHttp() throws Exception {
    System.setProperty(DOMAIN_PROPERTY, "127.0.0.1:" + nameServer.httpPort());

    List<MessageQueue> queues = startProducer(null).fetchPublishMessageQueues("T");

    assertThat(producer.getNamesrvAddr()).isNull();
    assertThat(queues).hasSize(6);
  }
}
