package io.duetmq.protocol.rocketmq.handler.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.broker.delay.ScheduleTopicRouter;
import io.duetmq.broker.message.MessagePropertyKeys;
import io.duetmq.broker.message.StoredMessage;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.codec.ResponseCode;
import io.duetmq.protocol.rocketmq.handler.RequestCode;
import io.duetmq.store.AppendResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerSendMsgBackHandlerTest {
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
  void shouldParkFirstRetryInScheduleTopicBoundForRetryTopic() throws Exception {
    AppendResult original =
        broker.append("Orders", 0, "payload", Map.of(MessagePropertyKeys.UNIQ_KEY, "U1"), 0);

    RemotingCommand response =
        broker.send(RequestCode.CONSUMER_SEND_MSG_BACK, header(original, "16"));

    assertThat(response.code()).as(response.remark()).isZero();
    assertThat(broker.engine.topics().exists("%RETRY%cg")).isTrue();
    // the first broker-chosen retry is level 3: queue 2 of the schedule topic
    List<StoredMessage> parked = broker.messages(ScheduleTopicRouter.SCHEDULE_TOPIC, 2, 1);
    StoredMessage retry = parked.get(0);
    assertThat(retry.property(MessagePropertyKeys.REAL_TOPIC)).isEqualTo("%RETRY%cg");
    assertThat(retry.property(MessagePropertyKeys.RETRY_TOPIC)).isEqualTo("Orders");
    assertThat(retry.property(MessagePropertyKeys.UNIQ_KEY)).isEqualTo("U1");
    assertThat(retry.reconsumeTimes()).isEqualTo(1);
    assertThat(StandardCharsets.UTF_8.decode(retry.body()).toString()).isEqualTo("payload");
  }

  @Test
  void shouldSendToDeadLetterTopicPastMaxReconsumeTimes() throws Exception {
    AppendResult original =
        broker.append("Orders", 0, "tired", Map.of(MessagePropertyKeys.UNIQ_KEY, "U2"), 2);

    RemotingCommand response =
        broker.send(RequestCode.CONSUMER_SEND_MSG_BACK, header(original, "2"));

    assertThat(response.code()).as(response.remark()).isZero();
    StoredMessage dead = broker.messages("%DLQ%cg", 0, 1).get(0);
    assertThat(dead.reconsumeTimes()).isEqualTo(3);
    assertThat(dead.property(MessagePropertyKeys.RETRY_TOPIC)).isEqualTo("Orders");
    assertThat(dead.property(MessagePropertyKeys.DELAY)).isNull();
  }

  @Test
  void shouldAnswerSystemErrorForAnOffsetWhereNoMessageStarts() throws Exception {
    AppendResult original = broker.append("Orders", 0, "x", Map.of(), 0);
    AppendResult inside =
        new AppendResult(original.status(), original.physicalOffset() + 7, 0, 0, 1, 0);

    RemotingCommand response =
        broker.send(RequestCode.CONSUMER_SEND_MSG_BACK, header(inside, "16"));

    assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
    assertThat(response.remark()).contains(Long.toString(inside.physicalOffset()));
  }

  private static Map<String, String> header(AppendResult original, String maxReconsumeTimes) {
    return Map.of(
        "offset", Long.toString(original.physicalOffset()),
        "group", "cg",
        "delayLevel", "0",
        "originTopic", "Orders",
        "unitMode", "false",
        "maxReconsumeTimes", maxReconsumeTimes);
  }
}
