package io.duetmq.protocol.rocketmq.handler.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.broker.json.JsonArray;
import io.duetmq.broker.json.JsonLong;
import io.duetmq.broker.json.JsonObject;
import io.duetmq.broker.json.JsonReader;
import io.duetmq.broker.json.JsonString;
import io.duetmq.broker.json.JsonValue;
import io.duetmq.broker.topic.TopicConfig;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.handler.BrokerResponseCode;
import io.duetmq.protocol.rocketmq.handler.RequestCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupAdminHandlersTest {
  private static final String GROUP_BODY =
      "{\"attributes\":{},\"brokerId\":0,\"consumeBroadcastEnable\":false,\"consumeEnable\":true,"
          + "\"consumeFromMinEnable\":false,\"consumeMessageOrderly\":false,\"consumeTimeoutMinute\":15,"
          + "\"groupName\":\"made\",\"groupRetryPolicy\":{\"type\":\"CUSTOMIZED\"},\"groupSysFlag\":0,"
          + "\"notifyConsumerIdsChangedEnable\":true,\"retryMaxTimes\":5,\"retryQueueNums\":1,"
          + "\"whichBrokerWhenConsumeSlowly\":1}";

  @TempDir Path dir;
  private TestBroker broker;

  @BeforeEach
  void start() {
    broker = new TestBroker(dir);
  }

  @AfterEach
  void stop() {
    broker.close();
  }

  @Test
  void shouldCreateListAndDeleteSubscriptionGroups() throws Exception {
    broker.engine.offsets().commit("made", "T", 0, 4).join();

    RemotingCommand created =
        send(RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, Map.of(), GROUP_BODY);
    RemotingCommand nameless =
        send(RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, Map.of(), "{\"retryMaxTimes\":1}");
    RemotingCommand all = broker.send(RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, Map.of());

    assertThat(created.code()).as(created.remark()).isZero();
    assertThat(nameless.code()).isEqualTo(BrokerResponseCode.INVALID_PARAMETER);
    assertThat(broker.engine.groups().get("made").retryMaxTimes()).isEqualTo(5);
    JsonObject table = (JsonObject) TestBroker.json(all).get("subscriptionGroupTable");
    assertThat(((JsonObject) table.get("made")).get("consumeBroadcastEnable")).isNotNull();
    assertThat(((JsonObject) table.get("made")).get("retryMaxTimes")).isEqualTo(new JsonLong(5));

    RemotingCommand deleted =
        broker.send(
            RequestCode.DELETE_SUBSCRIPTIONGROUP,
            Map.of("groupName", "made", "cleanOffset", "true"));

    assertThat(deleted.code()).isZero();
    assertThat(broker.engine.groups().get("made")).isNull();
    assertThat(broker.engine.offsets().query("made", "T", 0)).isEqualTo(-1);
  }

  @Test
  void shouldReportConsumeProgressPerQueue() throws Exception {
    broker.append("Progress", 0, "a", Map.of(), 0);
    long firstStored = broker.append("Progress", 0, "b", Map.of(), 0).storeTimestamp();
    broker.append("Progress", 0, "c", Map.of(), 0);
    broker.engine.topics().createOrUpdate(TopicConfig.of("Progress", 2, 6));
    broker.engine.offsets().commit("cg", "Progress", 0, 2).join();

    RemotingCommand stats =
        broker.send(RequestCode.GET_CONSUME_STATS, Map.of("consumerGroup", "cg"));
    RemotingCommand byWho =
        broker.send(RequestCode.QUERY_TOPIC_CONSUME_BY_WHO, Map.of("topic", "Progress"));

    assertThat(stats.code()).isZero();
    JsonObject body = TestBroker.json(stats);
    assertThat(body.members()).containsKey("consumeTps");
    Map<Long, JsonObject> queues = byQueue((JsonObject) body.get("offsetTable"), "Progress");
    assertThat(queues).containsOnlyKeys(0L, 1L);
    assertThat(queues.get(0L).get("brokerOffset")).isEqualTo(new JsonLong(3));
    assertThat(queues.get(0L).get("consumerOffset")).isEqualTo(new JsonLong(2));
    assertThat(queues.get(0L).get("lastTimestamp")).isEqualTo(new JsonLong(firstStored));
    assertThat(queues.get(1L).get("consumerOffset")).isEqualTo(new JsonLong(0));
    assertThat(TestBroker.json(byWho).get("groupList"))
        .isEqualTo(new JsonArray(List.of(new JsonString("cg"))));
  }

  @Test
  void shouldListConnectionsOfOnlineGroupsOnly() throws Exception {
    RemotingCommand offline =
        broker.send(RequestCode.GET_CONSUMER_CONNECTION_LIST, Map.of("consumerGroup", "live"));
    RemotingCommand heartbeat =
        send(RequestCode.HEART_BEAT, Map.of(), heartbeat("live", "Watched"));
    RemotingCommand online =
        broker.send(RequestCode.GET_CONSUMER_CONNECTION_LIST, Map.of("consumerGroup", "live"));
    RemotingCommand byWho =
        broker.send(RequestCode.QUERY_TOPIC_CONSUME_BY_WHO, Map.of("topic", "Watched"));

    assertThat(offline.code()).isEqualTo(AdminCodes.CONSUMER_NOT_ONLINE);
    assertThat(heartbeat.code()).as(heartbeat.remark()).isZero();
    assertThat(online.code()).isZero();
    JsonObject body = TestBroker.json(online);
    JsonObject connection = (JsonObject) ((JsonArray) body.get("connectionSet")).elements().get(0);
    assertThat(connection.get("clientId")).isEqualTo(new JsonString("client-1"));
    assertThat(connection.get("language")).isEqualTo(new JsonString("JAVA"));
    assertThat(((JsonString) connection.get("clientAddr")).value()).startsWith("127.0.0.1:");
    assertThat(body.get("consumeType")).isEqualTo(new JsonString("CONSUME_PASSIVELY"));
    assertThat(body.get("messageModel")).isEqualTo(new JsonString("CLUSTERING"));
    JsonObject subscription =
        (JsonObject) ((JsonObject) body.get("subscriptionTable")).get("Watched");
    assertThat(subscription.get("subString")).isEqualTo(new JsonString("tagA || tagB"));
    assertThat(((JsonArray) subscription.get("tagsSet")).elements()).hasSize(2);
    assertThat(TestBroker.json(byWho).get("groupList").toString()).contains("live");
  }

  @Test
  void shouldResetOffsetsByTimestampOnTheServer() throws Exception {
    broker.append("Reset", 0, "old", Map.of(), 0);
    broker.append("Reset", 0, "old2", Map.of(), 0);
    broker.engine.topics().createOrUpdate(TopicConfig.of("Reset", 2, 6));
    broker.engine.groups().findOrCreate("rg");
    broker.engine.offsets().commit("rg", "Reset", 0, 2).join();

    RemotingCommand toStart =
        broker.send(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, reset("rg", "0"));
    RemotingCommand unknownGroup =
        broker.send(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, reset("nobody", "0"));
    Map<String, String> unknownTopic = new LinkedHashMap<>(reset("rg", "0"));
    unknownTopic.put("topic", "NoSuchTopic");
    RemotingCommand noTopic = broker.send(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, unknownTopic);

    assertThat(toStart.code()).as(toStart.remark()).isZero();
    Map<Long, JsonValue> offsets = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> entry :
        ((JsonObject) TestBroker.json(toStart).get("offsetTable")).members().entrySet()) {
      JsonObject queue = (JsonObject) JsonReader.parse(entry.getKey());
      offsets.put(((JsonLong) queue.get("queueId")).value(), entry.getValue());
    }
    assertThat(offsets).containsEntry(0L, new JsonLong(0)).containsEntry(1L, new JsonLong(0));
    assertThat(broker.engine.offsets().query("rg", "Reset", 0)).isZero();
    assertThat(broker.engine.offsets().pendingReset("rg", "Reset", 0)).isZero();
    assertThat(unknownGroup.code()).isEqualTo(BrokerResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST);
    assertThat(noTopic.code()).isEqualTo(BrokerResponseCode.TOPIC_NOT_EXIST);
  }

  private RemotingCommand send(int code, Map<String, String> header, String body)
      throws InterruptedException {
    return broker.send(code, header, body.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<Long, JsonObject> byQueue(JsonObject table, String topic) {
    Map<Long, JsonObject> result = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> entry : table.members().entrySet()) {
      JsonObject queue = (JsonObject) JsonReader.parse(entry.getKey());
      assertThat(queue.get("topic")).isEqualTo(new JsonString(topic));
      result.put(((JsonLong) queue.get("queueId")).value(), (JsonObject) entry.getValue());
    }
    return result;
  }

  private static Map<String, String> reset(String group, String timestamp) {
    Map<String, String> header = new LinkedHashMap<>();
    header.put("topic", "Reset");
    header.put("group", group);
    header.put("timestamp", timestamp);
    header.put("isForce", "true");
    header.put("queueId", "-1");
    header.put("offset", "-1");
    return header;
  }

  private static String heartbeat(String group, String topic) {
    return "{\"clientID\":\"client-1\",\"consumerDataSet\":[{\"consumeFromWhere\":\"CONSUME_FROM_LAST_OFFSET\","
        + "\"consumeType\":\"CONSUME_PASSIVELY\",\"groupName\":\""
        + group
        + "\",\"messageModel\":\"CLUSTERING\",\"subscriptionDataSet\":[{\"codeSet\":[],\"expressionType\":\"TAG\","
        + "\"subString\":\"tagA || tagB\",\"subVersion\":1,\"tagsSet\":[\"tagA\",\"tagB\"],\"topic\":\""
        + topic
        + "\"}]}],\"producerDataSet\":[]}";
  }
}
