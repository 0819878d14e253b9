package io.duetmq.protocol.rocketmq.handler.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.broker.json.JsonLong;
import io.duetmq.broker.json.JsonObject;
import io.duetmq.broker.json.JsonReader;
import io.duetmq.broker.json.JsonString;
import io.duetmq.broker.json.JsonValue;
import io.duetmq.broker.topic.TopicConfig;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.handler.BrokerResponseCode;
import io.duetmq.protocol.rocketmq.handler.RequestCode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicAdminHandlersTest {
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
  void shouldCreateTopicAndAnswerItsConfig() throws Exception {
    RemotingCommand created =
        broker.send(
            RequestCode.UPDATE_AND_CREATE_TOPIC, updateTopic("Made", "+message.type=NORMAL"));
    RemotingCommand config =
        broker.send(RequestCode.GET_TOPIC_CONFIG, Map.of("topic", "Made", "lo", "true"));
    RemotingCommand all = broker.send(RequestCode.GET_ALL_TOPIC_CONFIG, Map.of());

    assertThat(created.code()).as(created.remark()).isZero();
    TopicConfig stored = broker.engine.topics().get("Made");
    assertThat(stored.readQueueNums()).isEqualTo(3);
    assertThat(stored.writeQueueNums()).isEqualTo(5);
    assertThat(stored.attributes()).containsEntry("message.type", "NORMAL");
    assertThat(config.code()).isZero();
    JsonObject json = TestBroker.json(config);
    assertThat(json.get("topicName")).isEqualTo(new JsonString("Made"));
    assertThat(json.get("readQueueNums")).isEqualTo(new JsonLong(3));
    assertThat(json.get("perm")).isEqualTo(new JsonLong(6));
    JsonObject table = (JsonObject) TestBroker.json(all).get("topicConfigTable");
    assertThat(table.members()).containsKey("Made").containsKey("TBW102");
    assertThat(TestBroker.json(all).members()).containsKey("dataVersion");
  }

  @Test
  void shouldRefuseBadTopicNamesAndAnswerTopicNotExist() throws Exception {
    RemotingCommand bad =
        broker.send(RequestCode.UPDATE_AND_CREATE_TOPIC, updateTopic("bad topic!", ""));
    RemotingCommand badAttributes =
        broker.send(RequestCode.UPDATE_AND_CREATE_TOPIC, updateTopic("Fine", "oops"));
    RemotingCommand missing = broker.send(RequestCode.GET_TOPIC_CONFIG, Map.of("topic", "Missing"));
    RemotingCommand stats =
        broker.send(RequestCode.GET_TOPIC_STATS_INFO, Map.of("topic", "Missing"));

    assertThat(bad.code()).isEqualTo(BrokerResponseCode.INVALID_PARAMETER);
    assertThat(badAttributes.code()).isEqualTo(BrokerResponseCode.INVALID_PARAMETER);
    assertThat(broker.engine.topics().exists("Fine")).isFalse();
    assertThat(missing.code()).isEqualTo(BrokerResponseCode.TOPIC_NOT_EXIST);
    assertThat(stats.code()).isEqualTo(BrokerResponseCode.TOPIC_NOT_EXIST);
  }

  @Test
  void shouldAnswerTopicStatsKeyedByMessageQueue() throws Exception {
    broker.send(RequestCode.UPDATE_AND_CREATE_TOPIC, updateTopic("Stats", ""));
    broker.append("Stats", 1, "a", Map.of(), 0);
    long lastStored = broker.append("Stats", 1, "b", Map.of(), 0).storeTimestamp();

    RemotingCommand response =
        broker.send(RequestCode.GET_TOPIC_STATS_INFO, Map.of("topic", "Stats"));

    assertThat(response.code()).isZero();
    JsonObject body = TestBroker.json(response);
    JsonObject table = (JsonObject) body.get("offsetTable");
    assertThat(table.members()).hasSize(5);
    Map<Integer, JsonObject> byQueue = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> entry : table.members().entrySet()) {
      JsonObject queue = (JsonObject) JsonReader.parse(entry.getKey());
      assertThat(queue.get("topic")).isEqualTo(new JsonString("Stats"));
      assertThat(queue.get("brokerName"))
          .isEqualTo(new JsonString(broker.engine.config().brokerName()));
      byQueue.put((int) ((JsonLong) queue.get("queueId")).value(), (JsonObject) entry.getValue());
    }
    assertThat(byQueue.get(1).get("maxOffset")).isEqualTo(new JsonLong(2));
    assertThat(byQueue.get(1).get("minOffset")).isEqualTo(new JsonLong(0));
    assertThat(byQueue.get(1).get("lastUpdateTimestamp")).isEqualTo(new JsonLong(lastStored));
    assertThat(byQueue.get(0).get("maxOffset")).isEqualTo(new JsonLong(0));
    assertThat(byQueue.get(0).get("lastUpdateTimestamp")).isEqualTo(new JsonLong(0));
    assertThat(body.members()).containsKey("topicPutTps");
  }

  @Test
  void shouldDeleteTopicWithItsOffsets() throws Exception {
    broker.send(RequestCode.UPDATE_AND_CREATE_TOPIC, updateTopic("Doomed", ""));
    broker.engine.offsets().commit("cg", "Doomed", 0, 3).join();

    RemotingCommand deleted =
        broker.send(RequestCode.DELETE_TOPIC_IN_BROKER, Map.of("topic", "Doomed"));
    RemotingCommand again =
        broker.send(RequestCode.DELETE_TOPIC_IN_BROKER, Map.of("topic", "Doomed"));
    RemotingCommand system =
        broker.send(RequestCode.DELETE_TOPIC_IN_BROKER, Map.of("topic", "SCHEDULE_TOPIC_XXXX"));

    assertThat(deleted.code()).isZero();
    assertThat(again.code()).isZero();
    assertThat(system.code()).isEqualTo(BrokerResponseCode.INVALID_PARAMETER);
    assertThat(broker.engine.topics().exists("Doomed")).isFalse();
    assertThat(broker.engine.offsets().query("cg", "Doomed", 0)).isEqualTo(-1);
    assertThat(broker.send(RequestCode.GET_TOPIC_CONFIG, Map.of("topic", "Doomed")).code())
        .isEqualTo(BrokerResponseCode.TOPIC_NOT_EXIST);
  }

  @Test
  void shouldAnswerRuntimeInfoWithTheKeysTheToolsParse() throws Exception {
    broker.append("Runtime", 0, "a", Map.of(), 0);

    RemotingCommand response = broker.send(RequestCode.GET_BROKER_RUNTIME_INFO, Map.of());

    assertThat(response.code()).isZero();
    JsonObject table = (JsonObject) TestBroker.json(response).get("table");
    assertThat(table.get("brokerVersionDesc")).isEqualTo(new JsonString("V5_3_3"));
    assertThat(table.get("brokerVersion")).isEqualTo(new JsonString("479"));
    for (String key :
        new String[] {
          "commitLogMaxOffset",
          "commitLogMinOffset",
          "bootTimestamp",
          "earliestMessageTimeStamp",
          "msgPutTotalTodayNow",
          "msgGetTotalTodayNow"
        }) {
      assertThat(Long.parseLong(((JsonString) table.get(key)).value())).as(key).isNotNegative();
    }
    assertThat(Long.parseLong(((JsonString) table.get("commitLogMaxOffset")).value()))
        .isEqualTo(broker.store.commitLogMaxOffset());
    for (String key : new String[] {"putTps", "getTransferredTps", "getTransferedTps"}) {
      assertThat(Double.parseDouble(((JsonString) table.get(key)).value().split(" ")[0]))
          .as(key)
          .isZero();
    }
    double ratio = Double.parseDouble(((JsonString) table.get("commitLogDiskRatio")).value());
    assertThat(ratio).isBetween(0.0, 1.0);
  }

  private static Map<String, String> updateTopic(String topic, String attributes) {
    Map<String, String> header = new LinkedHashMap<>();
    header.put("topic", topic);
    header.put("defaultTopic", "TBW102");
    header.put("readQueueNums", "3");
    header.put("writeQueueNums", "5");
    header.put("perm", "6");
    header.put("topicFilterType", "SINGLE_TAG");
    header.put("topicSysFlag", "0");
    header.put("order", "false");
    header.put("attributes", attributes);
    return header;
  }
}
