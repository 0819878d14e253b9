package io.duetmq.protocol.rocketmq.handler.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.broker.message.MessagePropertyKeys;
import io.duetmq.broker.message.StoredMessage;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.codec.ResponseCode;
import io.duetmq.protocol.rocketmq.handler.BrokerResponseCode;
import io.duetmq.protocol.rocketmq.handler.RequestCode;
import io.duetmq.store.AppendResult;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryAndViewMessageHandlerTest {
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
  void shouldFindMessagesByBusinessKeyAndUniqueKey() throws Exception {
    broker.append(
        "Keyed",
        0,
        "one",
        Map.of(MessagePropertyKeys.KEYS, "k1 k2", MessagePropertyKeys.UNIQ_KEY, "U1"),
        0);
    broker.append(
        "Keyed",
        1,
        "two",
        Map.of(MessagePropertyKeys.KEYS, "k1", MessagePropertyKeys.UNIQ_KEY, "U2"),
        0);
    broker.append("Other", 0, "three", Map.of(MessagePropertyKeys.KEYS, "k1"), 0);

    RemotingCommand byKey = broker.send(RequestCode.QUERY_MESSAGE, query("Keyed", "k1", false));
    RemotingCommand byUnique = broker.send(RequestCode.QUERY_MESSAGE, query("Keyed", "U2", true));

    assertThat(byKey.code()).as(byKey.remark()).isZero();
    assertThat(Long.parseLong(byKey.extField("indexLastUpdatePhyoffset"))).isPositive();
    assertThat(Long.parseLong(byKey.extField("indexLastUpdateTimestamp"))).isPositive();
    assertThat(decodeAll(byKey.body()))
        .extracting(m -> m.property(MessagePropertyKeys.UNIQ_KEY))
        .containsExactlyInAnyOrder("U1", "U2");
    assertThat(decodeAll(byUnique.body()))
        .extracting(StoredMessage::topic)
        .containsExactly("Keyed");
    assertThat(decodeAll(byUnique.body()).get(0).property(MessagePropertyKeys.UNIQ_KEY))
        .isEqualTo("U2");
  }

  @Test
  void shouldAnswerQueryNotFoundForUnknownKey() throws Exception {
    broker.append("Keyed", 0, "one", Map.of(MessagePropertyKeys.KEYS, "k1"), 0);

    RemotingCommand response =
        broker.send(RequestCode.QUERY_MESSAGE, query("Keyed", "nope", false));

    assertThat(response.code()).isEqualTo(BrokerResponseCode.QUERY_NOT_FOUND);
  }

  @Test
  void shouldViewTheRecordAtItsCommitLogOffsetOnly() throws Exception {
    broker.append("Viewed", 0, "first", Map.of(), 0);
    AppendResult second =
        broker.append("Viewed", 0, "second", Map.of(MessagePropertyKeys.UNIQ_KEY, "V2"), 0);

    RemotingCommand found =
        broker.send(
            RequestCode.VIEW_MESSAGE_BY_ID,
            Map.of("topic", "Viewed", "offset", Long.toString(second.physicalOffset())));
    RemotingCommand inside =
        broker.send(
            RequestCode.VIEW_MESSAGE_BY_ID,
            Map.of("topic", "Viewed", "offset", Long.toString(second.physicalOffset() + 4)));
    RemotingCommand past =
        broker.send(
            RequestCode.VIEW_MESSAGE_BY_ID,
            Map.of("topic", "Viewed", "offset", Long.toString(1L << 40)));

    assertThat(found.code()).isZero();
    assertThat(found.body()).hasSize(second.size());
    StoredMessage message = StoredMessage.decode(ByteBuffer.wrap(found.body()), 0);
    assertThat(message.property(MessagePropertyKeys.UNIQ_KEY)).isEqualTo("V2");
    assertThat(message.commitLogOffset()).isEqualTo(second.physicalOffset());
    assertThat(inside.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
    assertThat(inside.remark()).startsWith("can not find message by the offset");
    assertThat(past.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
  }

  private static Map<String, String> query(String topic, String key, boolean unique) {
    return Map.of(
        "topic",
        topic,
        "key",
        key,
        "maxNum",
        "64",
        "beginTimestamp",
        "0",
        "endTimestamp",
        Long.toString(Long.MAX_VALUE),
        "_UNIQUE_KEY_QUERY",
        Boolean.toString(unique));
  }

  private static List<StoredMessage> decodeAll(byte[] body) {
    List<StoredMessage> messages = new ArrayList<>();
    ByteBuffer bytes = ByteBuffer.wrap(body);
    int at = 0;
    while (at < body.length) {
      messages.add(StoredMessage.decode(bytes, at));
      at += bytes.getInt(at);
    }
    return messages;
  }
}
