package io.duetmq.broker.message;

import static io.duetmq.broker.message.MessageTestSupport.appendNow;
import static io.duetmq.broker.message.MessageTestSupport.awaitDispatched;
import static io.duetmq.broker.message.MessageTestSupport.text;
import static io.duetmq.broker.message.MessageTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.duetmq.broker.config.MutableClock;
import io.duetmq.store.AppendRequest;
import io.duetmq.store.AppendResult;
import io.duetmq.store.MessageStore;
import io.duetmq.store.QueueEntryFilter;
import io.duetmq.store.QueueReadResult;
import io.duetmq.store.ReadStatus;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredMessageTest {
  private static final long NOW = 1_700_000_123_456L;

  @TempDir Path dir;

  private static Map<String, String> props() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(MessagePropertyKeys.UNIQ_KEY, "0A00000530396D06D69C0ABCDEF00001");
    properties.put(MessagePropertyKeys.TAGS, "tagA");
    properties.put(MessagePropertyKeys.KEYS, "k1 k2");
    properties.put("user", "v\u0001with\u0000controls");
    return properties;
  }

  @Test
  void shouldDecodeEveryFieldOfARecordTheStoreWrote() throws Exception {
    InetSocketAddress born = new InetSocketAddress(InetAddress.getByName("fe80::1"), 40000);
    try (MessageStore store = MessageTestSupport.openStore(dir, new MutableClock(NOW))) {
      appendNow(store, MessageTestSupport.message("T", 1, "first", Map.of()));
      AppendResult written =
          appendNow(
              store,
              AppendRequest.builder("T", 1, utf8("hello body"))
                  .properties(MessageProperties.format(props()))
                  .flag(7)
                  .bornTimestamp(NOW - 5)
                  .bornHost(born)
                  .reconsumeTimes(3)
                  .preparedTransactionOffset(42)
                  .build());
      awaitDispatched(store);

      QueueReadResult read = store.read("T", 1, 1, 1 << 20, 1, QueueEntryFilter.ALL);
      assertThat(read.status()).isEqualTo(ReadStatus.FOUND);
      StoredMessage message = StoredMessage.decode(read.records().get(0));

      assertThat(message.topic()).isEqualTo("T");
      assertThat(message.queueId()).isEqualTo(1);
      assertThat(message.queueOffset()).isEqualTo(1);
      assertThat(message.commitLogOffset()).isEqualTo(written.physicalOffset());
      assertThat(message.flag()).isEqualTo(7);
      assertThat(message.bornTimestamp()).isEqualTo(NOW - 5);
      assertThat(message.bornHost()).isEqualTo(born);
      assertThat(message.storeTimestamp()).isEqualTo(written.storeTimestamp()).isEqualTo(NOW);
      assertThat(message.storeHost()).isEqualTo(new InetSocketAddress("127.0.0.1", 10911));
      assertThat(message.reconsumeTimes()).isEqualTo(3);
      assertThat(message.preparedTransactionOffset()).isEqualTo(42);
      assertThat(message.properties()).containsExactlyEntriesOf(props());
      assertThat(text(message.body())).isEqualTo("hello body");
      assertThat(message.body().isReadOnly()).isTrue();
      assertThat(message.isMultiRecordBatch()).isFalse();
      assertThat(message.messageId()).isEqualTo("0A00000530396D06D69C0ABCDEF00001");
      assertThat(MessageIds.parseOffsetId(message.offsetMessageId()).commitLogOffset())
          .isEqualTo(written.physicalOffset());

      StoredMessage byOffset = StoredMessage.decode(store.lookup(written.physicalOffset()));
      assertThat(byOffset.properties()).isEqualTo(message.properties());
      assertThat(byOffset.queueOffset()).isEqualTo(1);
    }
  }

  @Test
  void shouldHandOutIndependentBodyViews() {
    try (MessageStore store = MessageTestSupport.openStore(dir, new MutableClock(NOW))) {
      AppendResult written = appendNow(store, MessageTestSupport.message("T", 0, "abc", props()));
      StoredMessage message = StoredMessage.decode(store.lookup(written.physicalOffset()));
      ByteBuffer first = message.body();
      first.get();
      assertThat(message.body().remaining()).isEqualTo(3);
      assertThat(message.messageId()).isNotEqualTo(message.offsetMessageId());
    }
  }

  @Test
  void shouldRePutAStoredMessageToAnotherTopicWithChangedFields() throws Exception {
    InetSocketAddress born = new InetSocketAddress(InetAddress.getByName("10.1.2.3"), 5555);
    try (MessageStore store = MessageTestSupport.openStore(dir, new MutableClock(NOW))) {
      AppendResult original =
          appendNow(
              store,
              AppendRequest.builder("T", 2, utf8("payload"))
                  .properties(MessageProperties.format(props()))
                  .flag(9)
                  .bornTimestamp(NOW - 100)
                  .bornHost(born)
                  .reconsumeTimes(1)
                  .build());
      StoredMessage message = StoredMessage.decode(store.lookup(original.physicalOffset()));
      Map<String, String> changed = message.copyProperties();
      changed.put("X", "y");
      changed.put(MessagePropertyKeys.WAIT, "false");

      AppendRequest request = message.rePut("OTHER", 3, changed).reconsumeTimes(2).build();
      assertThat(request.waitForFlush()).isFalse();
      AppendResult copy = appendNow(store, request);
      StoredMessage copied = StoredMessage.decode(store.lookup(copy.physicalOffset()));

      assertThat(copied.topic()).isEqualTo("OTHER");
      assertThat(copied.queueId()).isEqualTo(3);
      assertThat(copied.reconsumeTimes()).isEqualTo(2);
      assertThat(copied.flag()).isEqualTo(9);
      assertThat(copied.bornHost()).isEqualTo(born);
      assertThat(copied.bornTimestamp()).isEqualTo(NOW - 100);
      assertThat(copied.properties()).containsExactlyEntriesOf(changed);
      assertThat(text(copied.body())).isEqualTo("payload");
    }
  }

  @Test
  void shouldRefuseToRePutAMultiRecordBatch() {
    try (MessageStore store = MessageTestSupport.openStore(dir, new MutableClock(NOW))) {
      AppendResult batch =
          appendNow(store, AppendRequest.builder("K", 0, utf8("batch")).batch(3, null).build());
      StoredMessage message = StoredMessage.decode(store.lookup(batch.physicalOffset()));
      assertThat(message.isMultiRecordBatch()).isTrue();
      assertThatThrownBy(() -> message.rePut("X", 0, Map.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(Long.toString(batch.physicalOffset()));
    }
  }
}
