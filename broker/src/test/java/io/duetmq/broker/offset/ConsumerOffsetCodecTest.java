package io.duetmq.broker.offset;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.broker.config.RocketMqConfigFixture;
import io.duetmq.broker.json.JsonObject;
import io.duetmq.broker.json.JsonReader;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ConsumerOffsetCodecTest {

  private static ConsumerOffsetCodec.Snapshot decode(String json) {
    return ConsumerOffsetCodec.decode((JsonObject) JsonReader.parse(json));
  }

  @Test
  void shouldReadTheConsumerOffsetJsonOfARealRocketMqBroker() {
    ConsumerOffsetCodec.Snapshot snapshot =
        decode(RocketMqConfigFixture.text("consumerOffset.json"));

    assertThat(snapshot.offsets()).isEmpty();
    assertThat(snapshot.journalOffset()).isZero();
  }

  @Test
  void shouldReadFastjsonsUnquotedQueueIdsPrettyPrinted() {
    String fastjson =
        "{\n\t\"offsetTable\":{\n\t\t\"TopicTest@cg\":{0:12,1:7,2:0\n\t\t},\n"
            + "\t\t\"%RETRY%cg@cg\":{0:3}\n\t}\n}";

    ConsumerOffsetCodec.Snapshot snapshot = decode(fastjson);

    assertThat(snapshot.offsets())
        .containsExactly(
            Map.entry(new OffsetKey("%RETRY%cg", "cg"), Map.of(0, 3L)),
            Map.entry(new OffsetKey("TopicTest", "cg"), Map.of(0, 12L, 1, 7L, 2, 0L)));
  }

  @Test
  void shouldSplitKeysAtTheFirstAtSoKafkaGroupIdsMayContainOne() {
    ConsumerOffsetCodec.Snapshot snapshot =
        decode("{\"offsetTable\":{\"t@user@example\":{\"0\":5},\"broken\":{\"0\":1}}}");

    assertThat(snapshot.offsets())
        .containsExactly(Map.entry(new OffsetKey("t", "user@example"), Map.of(0, 5L)));
  }

  @Test
  void shouldRoundTripWithTheJournalOffset() {
    Map<OffsetKey, Map<Integer, Long>> offsets = new TreeMap<>();
    offsets.put(new OffsetKey("T", "G"), new TreeMap<>(Map.of(0, 12L, 1, 7L)));
    offsets.put(new OffsetKey("U", "a@b"), new TreeMap<>(Map.of(3, 1L << 40)));

    String json = ConsumerOffsetCodec.encode(offsets, 42);

    assertThat(json)
        .isEqualTo(
            "{\"offsetTable\":{\"T@G\":{\"0\":12,\"1\":7},\"U@a@b\":{\"3\":1099511627776}},"
                + "\"duetmqLogOffset\":42}");
    ConsumerOffsetCodec.Snapshot back = decode(json);
    assertThat(back.offsets()).isEqualTo(offsets);
    assertThat(back.journalOffset()).isEqualTo(42);
  }
}
