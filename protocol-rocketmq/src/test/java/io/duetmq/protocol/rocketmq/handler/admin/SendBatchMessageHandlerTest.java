package io.duetmq.protocol.rocketmq.handler.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.broker.message.MessageProperties;
import io.duetmq.broker.message.MessagePropertyKeys;
import io.duetmq.broker.message.StoredMessage;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.handler.BrokerResponseCode;
import io.duetmq.protocol.rocketmq.handler.RequestCode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SendBatchMessageHandlerTest {
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
  void shouldStoreInnerMessagesWithConsecutiveOffsetsAndOnlyTheirOwnProperties() throws Exception {
    byte[] body = batch(3);

    RemotingCommand response =
        broker.send(RequestCode.SEND_BATCH_MESSAGE, header("BatchTopic", 1), body);

    assertThat(response.code()).as(response.remark()).isZero();
    assertThat(response.extField("queueId")).isEqualTo("1");
    assertThat(response.extField("queueOffset")).isEqualTo("0");
    assertThat(response.extField("msgId").split(",")).hasSize(3);
    List<StoredMessage> stored = broker.messages("BatchTopic", 1, 3);
    assertThat(stored).extracting(StoredMessage::queueOffset).containsExactly(0L, 1L, 2L);
    for (int i = 0; i < 3; i++) {
      StoredMessage message = stored.get(i);
      assertThat(message.property(MessagePropertyKeys.UNIQ_KEY)).isEqualTo("U" + i);
      assertThat(message.property(MessagePropertyKeys.TAGS)).isEqualTo("tag" + i);
      assertThat(message.property(MessagePropertyKeys.CLUSTER)).isNotBlank();
      assertThat(message.properties()).doesNotContainValue("BATCH-ID");
      assertThat(message.flag()).isEqualTo(i);
      assertThat(message.bornTimestamp()).isEqualTo(1_700_000_000_000L);
      assertThat(StandardCharsets.UTF_8.decode(message.body()).toString()).isEqualTo("body-" + i);
      assertThat(response.extField("msgId").split(",")[i]).isEqualTo(message.offsetMessageId());
    }
  }

  @Test
  void shouldRefuseTruncatedOrInconsistentBodiesAndKeepServing() throws Exception {
    byte[] good = batch(2);
    byte[] truncated = Arrays.copyOf(good, good.length - 3);
    byte[] badSize = good.clone();
    ByteBuffer.wrap(badSize).putInt(0, 5);
    byte[] badBodyLength = good.clone();
    ByteBuffer.wrap(badBodyLength).putInt(16, 1_000_000);

    for (byte[] body :
        List.of(truncated, badSize, badBodyLength, new byte[0], new byte[] {1, 2, 3})) {
      RemotingCommand response =
          broker.send(RequestCode.SEND_BATCH_MESSAGE, header("BatchTopic", 0), body);
      assertThat(response.code()).isEqualTo(BrokerResponseCode.MESSAGE_ILLEGAL);
      assertThat(response.remark()).startsWith("malformed batch body");
    }
    RemotingCommand response =
        broker.send(RequestCode.SEND_BATCH_MESSAGE, header("BatchTopic", 0), good);
    assertThat(response.code()).isZero();
    assertThat(broker.messages("BatchTopic", 0, 2)).hasSize(2);
  }

  @Test
  void shouldRefuseBatchesToRetryTopics() throws Exception {
    RemotingCommand response =
        broker.send(RequestCode.SEND_BATCH_MESSAGE, header("%RETRY%group", 0), batch(1));

    assertThat(response.code()).isEqualTo(BrokerResponseCode.MESSAGE_ILLEGAL);
    assertThat(broker.engine.topics().exists("%RETRY%group")).isFalse();
  }

  private static Map<String, String> header(String topic, int queueId) {
    Map<String, String> header = new LinkedHashMap<>();
    header.put("a", "producer");
    header.put("b", topic);
    header.put("c", "TBW102");
    header.put("d", "4");
    header.put("e", Integer.toString(queueId));
    header.put("f", "0");
    header.put("g", "1700000000000");
    header.put("h", "0");
    header.put(
        "i",
        MessageProperties.format(
            Map.of(MessagePropertyKeys.WAIT, "true", MessagePropertyKeys.UNIQ_KEY, "BATCH-ID")));
    header.put("j", "0");
    header.put("k", "false");
    header.put("m", "true");
    return header;
  }

  /**
   * A batch body as the Java client encodes it: messages with flag i, body "body-i", own UNIQ_KEY
   * and TAGS.
   */
  private static byte[] batch(int count) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < count; i++) {
      byte[] body = ("body-" + i).getBytes(StandardCharsets.UTF_8);
      Map<String, String> props = new LinkedHashMap<>();
      props.put(MessagePropertyKeys.UNIQ_KEY, "U" + i);
      props.put(MessagePropertyKeys.TAGS, "tag" + i);
      props.put(MessagePropertyKeys.WAIT, "true");
      byte[] properties = MessageProperties.format(props).getBytes(StandardCharsets.UTF_8);
      ByteBuffer record = ByteBuffer.allocate(22 + body.length + properties.length);
      record.putInt(record.capacity()).putInt(0).putInt(0).putInt(i).putInt(body.length).put(body);
      record.putShort((short) properties.length).put(properties);
      out.writeBytes(record.array());
    }
    return out.toByteArray();
  }
}
