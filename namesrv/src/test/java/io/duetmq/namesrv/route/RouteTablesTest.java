package io.duetmq.namesrv.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RouteTablesTest {

  private static final String CLUSTER = "DefaultCluster";
  private static final String MASTER = "10.0.0.1:10911";
  private static final String SLAVE = "10.0.0.2:10911";

  private final MutableClock clock = new MutableClock(1_700_000_000_000L);
  private final RouteTables routes =
      new RouteTables(clock, RouteTables.DEFAULT_BROKER_TIMEOUT_MILLIS);

  static BrokerRegistration registration(
      String addr, String brokerName, long id, DataVersion version, TopicConfig... topics) {
    return registration(addr, brokerName, id, version, null, topics);
  }

  static BrokerRegistration registration(
      String addr,
      String brokerName,
      long id,
      DataVersion version,
      RemotingChannel channel,
      TopicConfig... topics) {
    Map<String, TopicConfig> table = new LinkedHashMap<>();
    for (TopicConfig topic : topics) {
      table.put(topic.topicName(), topic);
    }
    return new BrokerRegistration(
        CLUSTER,
        addr,
        brokerName,
        id,
        addr.replace("10911", "10912"),
        addr.replace("10911", "9092"),
        null,
        false,
        version,
        table,
        List.of(),
        channel);
  }

  static TopicConfig topic(String name, int queues) {
    return new TopicConfig(name, queues, queues, Perm.READ | Perm.WRITE, 0);
  }

  private static DataVersion version(long counter) {
    return new DataVersion(0, 1_000 + counter, counter);
  }

  @Test
  void shouldServeRouteOfMasterAndSlaveWithQueueDataFromMasterOnly() {
    routes.register(registration(MASTER, "broker-a", 0, version(1), topic("T", 4), topic("U", 2)));
    RegisterResult slave =
        routes.register(
            registration(SLAVE, "broker-a", 1, version(1), topic("T", 8), topic("S", 1)));

    assertThat(slave.masterAddr()).isEqualTo(MASTER);
    assertThat(slave.haServerAddr()).isEqualTo("10.0.0.1:10912");
    TopicRouteData route = routes.topicRoute("T").orElseThrow();
    assertThat(route.queueDatas()).containsExactly(new QueueData("broker-a", 4, 4, 6, 0));
    assertThat(route.brokerDatas()).hasSize(1);
    assertThat(route.brokerDatas().get(0).brokerAddrs())
        .containsExactly(Map.entry(0L, MASTER), Map.entry(1L, SLAVE));
    assertThat(routes.topics()).containsExactly("T", "U");
    assertThat(routes.topicRoute("S")).isEmpty();
  }

  @Test
  void shouldAnswerNoMasterAddressToTheMasterItself() {
    RegisterResult master =
        routes.register(
            registration(MASTER, "broker-a", 0, version(1), topic("T", 4), topic("U", 4)));

    assertThat(master.status()).isEqualTo(RegisterStatus.REGISTERED);
    assertThat(master.masterAddr()).isNull();
    assertThat(master.haServerAddr()).isNull();
  }

  @Test
  void shouldMergeReRegistrationAndKeepTopicsTheBrokerNoLongerLists() {
    routes.register(registration(MASTER, "broker-a", 0, version(1), topic("T", 4), topic("U", 4)));
    routes.register(registration(MASTER, "broker-a", 0, version(2), topic("T", 8), topic("V", 2)));

    assertThat(routes.topics()).containsExactly("T", "U", "V");
    assertThat(routes.topicRoute("T").orElseThrow().queueDatas().get(0).writeQueueNums())
        .isEqualTo(8);
  }

  @Test
  void shouldNotReapplyTopicConfigsWhenDataVersionIsUnchanged() {
    routes.register(registration(MASTER, "broker-a", 0, version(1), topic("T", 4), topic("U", 4)));
    routes.wipeWritePerm("broker-a");
    routes.register(registration(MASTER, "broker-a", 0, version(1), topic("T", 4), topic("U", 4)));

    assertThat(routes.topicRoute("T").orElseThrow().queueDatas().get(0).perm())
        .isEqualTo(Perm.READ);
    routes.register(registration(MASTER, "broker-a", 0, version(2), topic("T", 4), topic("U", 4)));
    assertThat(routes.topicRoute("T").orElseThrow().queueDatas().get(0).perm())
        .isEqualTo(Perm.READ | Perm.WRITE);
  }

  @Test
  void shouldRefuseIncrementalRegistrationFromUnknownBrokerAndAcceptItAfterAFullOne() {
    RegisterResult early =
        routes.register(registration(MASTER, "broker-a", 0, version(1), topic("N", 4)));
    assertThat(early.status()).isEqualTo(RegisterStatus.REFUSED_UNKNOWN_BROKER);
    assertThat(routes.clusterInfo().brokerAddrTable()).isEmpty();

    routes.register(registration(MASTER, "broker-a", 0, version(1), topic("T", 4), topic("U", 4)));
    RegisterResult incremental =
        routes.register(registration(MASTER, "broker-a", 0, version(2), topic("N", 2)));

    assertThat(incremental.status()).isEqualTo(RegisterStatus.REGISTERED);
    assertThat(routes.topics()).containsExactly("N", "T", "U");
  }

  @Test
  void shouldKeepGroupTopicsWhenOnlyTheSlaveLeaves() {
    routes.register(registration(MASTER, "broker-a", 0, version(1), topic("T", 4), topic("U", 4)));
    routes.register(registration(SLAVE, "broker-a", 1, version(1), topic("T", 4), topic("U", 4)));

    routes.unregister(CLUSTER, SLAVE, "broker-a");

    assertThat(routes.topicRoute("T").orElseThrow().brokerDatas().get(0).brokerAddrs())
        .containsExactly(Map.entry(0L, MASTER));
    assertThat(routes.liveBrokers()).extracting(BrokerLiveInfo::brokerAddr).containsExactly(MASTER);
  }

  @Test
  void shouldDropGroupTopicsAndClusterWhenLastMemberLeaves() {
    routes.register(registration(MASTER, "broker-a", 0, version(1), topic("T", 4), topic("U", 4)));
    routes.register(
        registration("10.0.0.3:10911", "broker-b", 0, version(1), topic("T", 2), topic("B", 2)));

    routes.unregister(CLUSTER, MASTER, "broker-a");

    assertThat(routes.topics()).containsExactly("B", "T");
    assertThat(routes.topicRoute("T").orElseThrow().queueDatas())
        .extracting(QueueData::brokerName)
        .containsExactly("broker-b");
    routes.unregister(CLUSTER, "10.0.0.3:10911", "broker-b");
    assertThat(routes.topics()).isEmpty();
    assertThat(routes.clusterInfo().clusterAddrTable()).isEmpty();
    assertThat(routes.clusterInfo().brokerAddrTable()).isEmpty();
  }

  @Test
  void shouldExpireBrokerSilentForMoreThan120SecondsAndCloseItsChannel() {
    FakeChannel channel = new FakeChannel(7);
    routes.register(
        registration(MASTER, "broker-a", 0, version(1), channel, topic("T", 4), topic("U", 4)));

    clock.advance(Duration.ofSeconds(120));
    assertThat(routes.expireInactive()).isEmpty();
    clock.advance(Duration.ofMillis(1));
    assertThat(routes.expireInactive()).containsExactly(MASTER);

    assertThat(channel.closed).isTrue();
    assertThat(routes.topics()).isEmpty();
    assertThat(routes.liveBrokers()).isEmpty();
  }

  @Test
  void shouldKeepBrokerThatReRegistersWithinTheTimeout() {
    routes.register(registration(MASTER, "broker-a", 0, version(1), topic("T", 4), topic("U", 4)));
    clock.advance(Duration.ofSeconds(100));
    routes.register(registration(MASTER, "broker-a", 0, version(1), topic("T", 4), topic("U", 4)));
    clock.advance(Duration.ofSeconds(100));

    assertThat(routes.expireInactive()).isEmpty();
    assertThat(routes.topics()).containsExactly("T", "U");
  }

  @Test
  void shouldRemoveEveryBrokerRegisteredOnAClosedChannelOnly() {
    FakeChannel first = new FakeChannel(1);
    FakeChannel second = new FakeChannel(2);
    routes.register(
        registration(MASTER, "broker-a", 0, version(1), first, topic("T", 4), topic("U", 4)));
    routes.register(
        registration(
            "10.0.0.3:10911", "broker-b", 0, version(1), second, topic("T", 4), topic("B", 4)));

    assertThat(routes.onChannelClosed(first)).isEqualTo(1);

    assertThat(routes.topics()).containsExactly("B", "T");
    assertThat(routes.onChannelClosed(first)).isZero();
  }

  @Test
  void shouldIgnoreRegistrationWithOlderStateVersionForAnIdHeldByAnotherAddress() {
    routes.register(
        registration(
            MASTER, "broker-a", 0, new DataVersion(5, 1, 1), topic("T", 4), topic("U", 4)));
    RegisterResult stale =
        routes.register(
            registration(
                SLAVE, "broker-a", 0, new DataVersion(4, 1, 1), topic("T", 4), topic("U", 4)));

    assertThat(stale.status()).isEqualTo(RegisterStatus.IGNORED_STALE);
    assertThat(routes.clusterInfo().brokerAddrTable().get("broker-a").brokerAddrs())
        .containsExactly(Map.entry(0L, MASTER));
  }

  @Test
  void shouldMoveAnAddressFromSlaveIdToMasterIdOnSwitch() {
    routes.register(registration(SLAVE, "broker-a", 1, version(1), topic("T", 4), topic("U", 4)));
    routes.register(registration(SLAVE, "broker-a", 0, version(2), topic("T", 4), topic("U", 4)));

    assertThat(routes.clusterInfo().brokerAddrTable().get("broker-a").brokerAddrs())
        .containsExactly(Map.entry(0L, SLAVE));
    assertThat(routes.topics()).containsExactly("T", "U");
  }

  @Test
  void shouldDeleteTopicOnlyFromTheGivenClustersBrokers() {
    routes.register(registration(MASTER, "broker-a", 0, version(1), topic("T", 4), topic("U", 4)));
    routes.register(
        new BrokerRegistration(
            "OtherCluster",
            "10.0.0.9:10911",
            "broker-z",
            0,
            null,
            null,
            null,
            null,
            version(1),
            Map.of("T", topic("T", 1), "Z", topic("Z", 1)),
            null,
            null));

    routes.deleteTopic("T", CLUSTER);

    assertThat(routes.topicRoute("T").orElseThrow().queueDatas())
        .extracting(QueueData::brokerName)
        .containsExactly("broker-z");
    routes.deleteTopic("T");
    assertThat(routes.topicRoute("T")).isEmpty();
    assertThat(routes.topicsByCluster("OtherCluster").topics()).containsExactly("Z");
  }

  @Test
  void shouldWipeAndRestoreWritePermissionOfAGroup() {
    routes.register(registration(MASTER, "broker-a", 0, version(1), topic("T", 4), topic("U", 4)));

    assertThat(routes.wipeWritePerm("broker-a")).isEqualTo(2);
    assertThat(routes.topicRoute("U").orElseThrow().queueDatas().get(0).perm())
        .isEqualTo(Perm.READ);
    assertThat(routes.addWritePerm("broker-a")).isEqualTo(2);
    assertThat(routes.topicRoute("U").orElseThrow().queueDatas().get(0).perm())
        .isEqualTo(Perm.READ | Perm.WRITE);
    assertThat(routes.wipeWritePerm("nobody")).isZero();
  }

  @Test
  void shouldExposeKafkaAddressOfLiveBrokersOnly() {
    routes.register(registration(MASTER, "broker-a", 0, version(1), topic("T", 4), topic("U", 4)));

    assertThat(routes.kafkaAddress(MASTER)).contains("10.0.0.1:9092");
    assertThat(routes.clusterInfo().kafkaAddrTable())
        .containsExactly(Map.entry(MASTER, "10.0.0.1:9092"));
    routes.unregister(CLUSTER, MASTER, "broker-a");
    assertThat(routes.kafkaAddress(MASTER)).isEmpty();
  }

  @Test
  void shouldListClusterAndBrokerNamesAsSystemTopics() {
    routes.register(registration(MASTER, "broker-a", 0, version(1), topic("T", 4), topic("U", 4)));

    TopicList system = routes.systemTopicList();

    assertThat(system.topics()).containsExactly(CLUSTER, "broker-a");
    assertThat(system.brokerAddr()).isEqualTo(MASTER);
  }

  /** A channel that only records being closed. */
  static final class FakeChannel implements RemotingChannel {
    private final long id;
    volatile boolean closed;

    FakeChannel(long id) {
      this.id = id;
    }

    @Override
    public long id() {
      return id;
    }

    @Override
    public String remoteAddress() {
      return "fake:" + id;
    }

    @Override
    public boolean isActive() {
      return !closed;
    }

    @Override
    public CompletableFuture<RemotingCommand> invoke(RemotingCommand request, Duration timeout) {
      return CompletableFuture.failedFuture(new UnsupportedOperationException());
    }

    @Override
    public CompletableFuture<Void> invokeOneway(RemotingCommand request) {
      return CompletableFuture.failedFuture(new UnsupportedOperationException());
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
