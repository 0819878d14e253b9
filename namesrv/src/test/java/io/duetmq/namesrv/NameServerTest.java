package io.duetmq.namesrv;

import static io.duetmq.namesrv.BrokerRequests.body;
import static io.duetmq.namesrv.BrokerRequests.register;
import static io.duetmq.namesrv.BrokerRequests.route;
import static io.duetmq.namesrv.BrokerRequests.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.duetmq.broker.json.JsonReader;
import io.duetmq.broker.json.JsonValue;
import io.duetmq.namesrv.route.MutableClock;
import io.duetmq.protocol.rocketmq.codec.LanguageCode;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.codec.SerializeType;
import io.duetmq.protocol.rocketmq.server.RemotingClient;
import io.duetmq.protocol.rocketmq.server.RemotingClientConfig;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real NameServer on 127.0.0.1:0 and real remoting clients sending real frames. */
class NameServerTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final String MASTER = "10.0.0.1:10911";
  private static final String SLAVE = "10.0.0.2:10911";
  private static final byte[] TWO_TOPICS = body(1, topic("T", 4, 6), topic("TBW102", 8, 7));

  @TempDir Path dataDir;

  private final MutableClock clock = new MutableClock(1_700_000_000_000L);
  private final List<RemotingClient> clients = new ArrayList<>();
  private NameServer nameServer;
  private int port;

  @BeforeEach
  void start() {
    nameServer = new NameServer(config(), clock);
    port = nameServer.start();
  }

  private NameServerConfig config() {
    return NameServerConfig.defaults(dataDir)
        .withListen("127.0.0.1", 0)
        .withHttp(0, null)
        .withExpiry(10, 120_000);
  }

  @AfterEach
  void stop() {
    clients.forEach(RemotingClient::close);
    nameServer.close();
  }

  private RemotingClient connect() {
    RemotingClient client = new RemotingClient(RemotingClientConfig.defaults());
    clients.add(client);
    client.connect("127.0.0.1", port);
    return client;
  }

  private static RemotingCommand call(RemotingClient client, RemotingCommand request)
      throws InterruptedException {
    return client.invokeSync(request, TIMEOUT);
  }

  private static JsonValue json(RemotingCommand response) {
    return JsonReader.parse(new String(response.body(), StandardCharsets.UTF_8));
  }

  @Test
  void shouldServeExactRouteOfMasterAndSlave() throws Exception {
    RemotingClient broker = connect();
    RemotingCommand master = call(broker, register(MASTER, "broker-a", 0, TWO_TOPICS));
    RemotingCommand slave = call(broker, register(SLAVE, "broker-a", 1, TWO_TOPICS));

    assertThat(master.code()).isZero();
    assertThat(master.extFields()).doesNotContainKey("masterAddr");
    assertThat(slave.extFields())
        .containsEntry("masterAddr", MASTER)
        .containsEntry("haServerAddr", "10.0.0.1:10912");
    RemotingCommand response = call(connect(), route("T"));
    assertThat(response.code()).isZero();
    assertThat(json(response))
        .isEqualTo(
            JsonReader.parse(
                "{\"brokerDatas\":[{\"brokerAddrs\":{\"0\":\"10.0.0.1:10911\",\"1\":\"10.0.0.2:10911\"},"
                    + "\"brokerName\":\"broker-a\",\"cluster\":\"DefaultCluster\","
                    + "\"enableActingMaster\":false}],\"filterServerTable\":{},"
                    + "\"queueDatas\":[{\"brokerName\":\"broker-a\",\"perm\":6,\"readQueueNums\":4,"
                    + "\"topicSysFlag\":0,\"writeQueueNums\":4}]}"));
  }

  @Test
  void shouldAnswerFastjsonDialectToClientsOlderThan494() throws Exception {
    RemotingClient client = connect();
    call(client, register(MASTER, "broker-a", 0, TWO_TOPICS));
    RemotingCommand old =
        new RemotingCommand(
            105,
            LanguageCode.JAVA,
            232,
            0,
            0,
            null,
            Map.of("topic", "T"),
            null,
            SerializeType.JSON);

    RemotingCommand response = call(client, old);

    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .contains("\"brokerAddrs\":{0:\"10.0.0.1:10911\"}");
  }

  @Test
  void shouldMergeReRegistrationAndAcceptIncrementalRegistration() throws Exception {
    RemotingClient broker = connect();
    call(broker, register(MASTER, "broker-a", 0, TWO_TOPICS));
    call(broker, register(MASTER, "broker-a", 0, body(2, topic("T", 8, 6), topic("U", 2, 6))));
    RemotingCommand incremental =
        call(broker, register(MASTER, "broker-a", 0, body(3, topic("NEW", 1, 6))));

    assertThat(incremental.code()).isZero();
    assertThat(nameServer.routes().topics()).containsExactly("NEW", "T", "TBW102", "U");
    assertThat(
            nameServer.routes().topicRoute("T").orElseThrow().queueDatas().get(0).readQueueNums())
        .isEqualTo(8);
  }

  @Test
  void shouldRefuseIncrementalRegistrationBeforeAFullOne() throws Exception {
    RemotingCommand response =
        call(connect(), register(MASTER, "broker-a", 0, body(1, topic("NEW", 1, 6))));

    assertThat(response.code()).isEqualTo(1);
    assertThat(response.remark()).isEqualTo("register broker failed");
    assertThat(nameServer.routes().clusterInfo().brokerAddrTable()).isEmpty();
  }

  @Test
  void shouldRemoveBrokerAndItsTopicsOnUnregister() throws Exception {
    RemotingClient broker = connect();
    call(broker, register(MASTER, "broker-a", 0, TWO_TOPICS));

    RemotingCommand response = call(broker, BrokerRequests.unregister(MASTER, "broker-a", 0));

    assertThat(response.code()).isZero();
    assertThat(call(broker, route("T")).code()).isEqualTo(17);
    assertThat(nameServer.routes().liveBrokers()).isEmpty();
  }

  @Test
  void shouldRejectRegistrationWhoseBodyCrcDoesNotMatch() throws Exception {
    Map<String, String> header = BrokerRequests.registerHeader(MASTER, "broker-a", 0);
    header.put("bodyCrc32", Integer.toString(BrokerRequests.crc32(TWO_TOPICS) ^ 1));

    RemotingCommand response = call(connect(), RemotingCommand.request(103, header, TWO_TOPICS));

    assertThat(response.code()).isEqualTo(1);
    assertThat(response.remark()).isEqualTo("crc32 not match");
    assertThat(nameServer.routes().topics()).isEmpty();
  }

  @Test
  void shouldExpireBrokerSilentForMoreThan120Seconds() throws Exception {
    RemotingClient broker = connect();
    call(broker, register(MASTER, "broker-a", 0, TWO_TOPICS));

    clock.advance(Duration.ofSeconds(119));
    RemotingCommand stillThere = call(connect(), route("T"));
    clock.advance(Duration.ofSeconds(2));

    assertThat(stillThere.code()).isZero();
    await().atMost(TIMEOUT).until(() -> nameServer.routes().topics().isEmpty());
    await().atMost(TIMEOUT).until(() -> !broker.isActive());
  }

  @Test
  void shouldRemoveBrokerAtOnceWhenItsConnectionCloses() throws Exception {
    RemotingClient broker = connect();
    RemotingClient other = connect();
    call(broker, register(MASTER, "broker-a", 0, TWO_TOPICS));
    call(
        other,
        register("10.0.0.3:10911", "broker-b", 0, body(1, topic("B", 1, 6), topic("T", 1, 6))));

    broker.close();

    await().atMost(TIMEOUT).until(() -> nameServer.routes().liveBrokers().size() == 1);
    assertThat(nameServer.routes().topics()).containsExactly("B", "T");
  }

  @Test
  void shouldAnswerClusterInfoWithKafkaListenerAddresses() throws Exception {
    Map<String, String> header = BrokerRequests.registerHeader(MASTER, "broker-a", 0);
    header.put("kafkaAddress", "10.0.0.1:9092");
    RemotingClient client = connect();
    call(client, RemotingCommand.request(103, header, TWO_TOPICS));

    RemotingCommand response = call(client, RemotingCommand.request(106, Map.of(), null));

    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"brokerAddrTable\":{\"broker-a\":{\"brokerAddrs\":{0:\"10.0.0.1:10911\"},"
                + "\"brokerName\":\"broker-a\",\"cluster\":\"DefaultCluster\","
                + "\"enableActingMaster\":false}},\"clusterAddrTable\":{\"DefaultCluster\":"
                + "[\"broker-a\"]},\"kafkaAddrTable\":{\"10.0.0.1:10911\":\"10.0.0.1:9092\"}}");
    assertThat(nameServer.routes().kafkaAddress(MASTER)).contains("10.0.0.1:9092");
  }

  @Test
  void shouldListAllTopicsTopicsByClusterAndSystemTopics() throws Exception {
    RemotingClient client = connect();
    call(client, register(MASTER, "broker-a", 0, TWO_TOPICS));

    RemotingCommand all = call(client, RemotingCommand.request(206, Map.of(), null));
    RemotingCommand byCluster =
        call(client, RemotingCommand.request(224, Map.of("cluster", "DefaultCluster"), null));
    RemotingCommand system = call(client, RemotingCommand.request(304, Map.of(), null));

    assertThat(json(all)).isEqualTo(JsonReader.parse("{\"topicList\":[\"T\",\"TBW102\"]}"));
    assertThat(json(byCluster)).isEqualTo(JsonReader.parse("{\"topicList\":[\"T\",\"TBW102\"]}"));
    assertThat(json(system))
        .isEqualTo(
            JsonReader.parse(
                "{\"brokerAddr\":\"10.0.0.1:10911\",\"topicList\":[\"DefaultCluster\",\"broker-a\"]}"));
  }

  @Test
  void shouldDeleteTopicOfAClusterInNamesrv() throws Exception {
    RemotingClient client = connect();
    call(client, register(MASTER, "broker-a", 0, TWO_TOPICS));

    RemotingCommand response =
        call(
            client,
            RemotingCommand.request(
                216, Map.of("topic", "T", "clusterName", "DefaultCluster"), null));

    assertThat(response.code()).isZero();
    assertThat(nameServer.routes().topics()).containsExactly("TBW102");
  }

  @Test
  void shouldAnswerTopicNotExistWithRocketMqRemark() throws Exception {
    RemotingCommand response = call(connect(), route("nope"));

    assertThat(response.code()).isEqualTo(17);
    assertThat(response.remark())
        .isEqualTo(
            "No topic route info in name server for the topic: nope\n"
                + "See https://rocketmq.apache.org/docs/bestPractice/06FAQ for further details.");
    assertThat(response.isResponse()).isTrue();
    assertThat(response.version()).isEqualTo(RemotingCommand.OUR_VERSION);
  }

  @Test
  void shouldKeepKvConfigAcrossRestart() throws Exception {
    RemotingClient client = connect();
    Map<String, String> put =
        Map.of("namespace", "ORDER_TOPIC_CONFIG", "key", "T", "value", "broker-a:4");
    assertThat(call(client, RemotingCommand.request(100, put, null)).code()).isZero();
    call(
        client,
        RemotingCommand.request(100, Map.of("namespace", "ns", "key", "gone", "value", "x"), null));
    call(client, RemotingCommand.request(102, Map.of("namespace", "ns", "key", "gone"), null));

    nameServer.close();
    nameServer = new NameServer(config(), clock);
    port = nameServer.start();
    RemotingClient again = connect();
    RemotingCommand found =
        call(
            again,
            RemotingCommand.request(
                101, Map.of("namespace", "ORDER_TOPIC_CONFIG", "key", "T"), null));
    RemotingCommand deleted =
        call(again, RemotingCommand.request(101, Map.of("namespace", "ns", "key", "gone"), null));
    RemotingCommand list =
        call(again, RemotingCommand.request(219, Map.of("namespace", "ORDER_TOPIC_CONFIG"), null));

    assertThat(found.code()).isZero();
    assertThat(found.extFields()).containsEntry("value", "broker-a:4");
    assertThat(deleted.code()).isEqualTo(22);
    assertThat(deleted.remark()).isEqualTo("No config item, Namespace: ns Key: gone");
    assertThat(json(list)).isEqualTo(JsonReader.parse("{\"table\":{\"T\":\"broker-a:4\"}}"));
    assertThat(Files.readString(dataDir.resolve("kvConfig.json")))
        .isEqualTo("{\"configTable\":{\"ORDER_TOPIC_CONFIG\":{\"T\":\"broker-a:4\"}}}");
  }

  @Test
  void shouldReturnOrderTopicConfigToRegisteringBroker() throws Exception {
    RemotingClient client = connect();
    call(
        client,
        RemotingCommand.request(
            100,
            Map.of("namespace", "ORDER_TOPIC_CONFIG", "key", "T", "value", "broker-a:4"),
            null));

    RemotingCommand response = call(client, register(MASTER, "broker-a", 0, TWO_TOPICS));

    assertThat(json(response)).isEqualTo(JsonReader.parse("{\"table\":{\"T\":\"broker-a:4\"}}"));
  }

  @Test
  void shouldAnswerMalformedRegistrationsWithAnErrorAndKeepServing() throws Exception {
    RemotingClient bad = connect();
    byte[] truncated = Arrays.copyOf(TWO_TOPICS, TWO_TOPICS.length / 2);
    byte[] notJson = "{{{{".getBytes(StandardCharsets.UTF_8);
    Map<String, String> noName = BrokerRequests.registerHeader(MASTER, "broker-a", 0);
    noName.remove("brokerName");

    RemotingCommand r1 = call(bad, register(MASTER, "broker-a", 0, truncated));
    RemotingCommand r2 = call(bad, register(MASTER, "broker-a", 0, notJson));
    RemotingCommand r3 = call(bad, RemotingCommand.request(103, noName, TWO_TOPICS));

    assertThat(List.of(r1.code(), r2.code(), r3.code())).containsOnly(1);
    assertThat(r1.remark()).startsWith("Failed to decode RegisterBrokerBody: ");
    assertThat(r3.remark()).isEqualTo("the custom field <brokerName> is null");
    assertThat(call(connect(), register(MASTER, "broker-a", 0, TWO_TOPICS)).code()).isZero();
    assertThat(nameServer.routes().topics()).containsExactly("T", "TBW102");
  }

  @Test
  void shouldCloseOnlyTheConnectionThatSentGarbage() throws Exception {
    RemotingClient good = connect();
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(new byte[] {0, 0, 0, 8, 9, 0, 0, 2, '{', '}', 0, 0});
      out.flush();
      InputStream in = socket.getInputStream();
      socket.setSoTimeout(5_000);
      assertThat(in.read()).isEqualTo(-1);
    }

    assertThat(call(good, register(MASTER, "broker-a", 0, TWO_TOPICS)).code()).isZero();
  }

  @Test
  void shouldAnswerUnknownRequestCodeNotSupported() throws Exception {
    RemotingCommand response = call(connect(), RemotingCommand.request(318, Map.of(), null));

    assertThat(response.code()).isEqualTo(3);
    assertThat(response.remark()).isEqualTo(" request type 318 not supported");
  }

  @Test
  void shouldTellBrokerWhetherItsDataVersionChanged() throws Exception {
    RemotingClient client = connect();
    call(client, register(MASTER, "broker-a", 0, TWO_TOPICS));
    Map<String, String> header =
        Map.of(
            "brokerAddr",
            MASTER,
            "brokerName",
            "broker-a",
            "clusterName",
            "DefaultCluster",
            "brokerId",
            "0");
    byte[] same =
        "{\"counter\":1,\"stateVersion\":0,\"timestamp\":1700000000000}"
            .getBytes(StandardCharsets.UTF_8);
    byte[] newer =
        "{\"counter\":2,\"stateVersion\":0,\"timestamp\":1700000000001}"
            .getBytes(StandardCharsets.UTF_8);

    RemotingCommand unchanged = call(client, RemotingCommand.request(322, header, same));
    RemotingCommand changed = call(client, RemotingCommand.request(322, header, newer));

    assertThat(unchanged.extFields()).containsEntry("changed", "false");
    assertThat(changed.extFields()).containsEntry("changed", "true");
    assertThat(json(changed)).isEqualTo(JsonReader.parse(new String(same, StandardCharsets.UTF_8)));
  }

  @Test
  void shouldServeTheAddressListOverHttp() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    URI uri = URI.create("http://127.0.0.1:" + nameServer.httpPort() + "/rocketmq/nsaddr");

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri).timeout(TIMEOUT).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("127.0.0.1:" + port);
  }
}
