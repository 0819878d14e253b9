package io.duetmq.broker.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.duetmq.broker.config.DataVersion;
import io.duetmq.broker.config.MutableClock;
import io.duetmq.broker.config.RocketMqConfigFixture;
import io.duetmq.broker.json.JsonObject;
import io.duetmq.broker.json.JsonReader;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TopicConfigCodecTest {
  private final MutableClock clock = new MutableClock(1_000);

  @Test
  void shouldReadTheTopicsJsonOfARealRocketMqBroker() {
    JsonObject root = (JsonObject) JsonReader.parse(RocketMqConfigFixture.text("topics.json"));

    TopicConfigCodec.TopicTable table = TopicConfigCodec.decodeTable(root, clock);

    assertThat(table.dataVersion()).isEqualTo(new DataVersion(2, 0, 1795597813884L));
    assertThat(table.topics()).hasSize(14);
    assertThat(table.topics().get("TBW102")).isEqualTo(TopicConfig.of("TBW102", 8, 7));
    assertThat(table.topics().get("FixtureTopic")).isEqualTo(TopicConfig.of("FixtureTopic", 4, 6));
    assertThat(table.topics().get("SCHEDULE_TOPIC_XXXX").queueNums()).isEqualTo(18);
    assertThat(table.topics().get("rmq_sys_SYNC_BROKER_MEMBER_broker-a").perm()).isEqualTo(1);
  }

  @Test
  void shouldWriteTheShapeRocketMqWrites() {
    TopicConfig config = TopicConfig.of("T", 4, 6);

    assertThat(TopicConfigCodec.toJson(config))
        .isEqualTo(
            "{\"attributes\":{},\"order\":false,\"perm\":6,\"readQueueNums\":4,"
                + "\"topicFilterType\":\"SINGLE_TAG\",\"topicName\":\"T\",\"topicSysFlag\":0,"
                + "\"writeQueueNums\":4}");
    assertThat(TopicConfigCodec.encodeTable(new DataVersion(3, 0, 7), List.of(config)))
        .startsWith(
            "{\"dataVersion\":{\"counter\":3,\"stateVersion\":0,\"timestamp\":7},"
                + "\"topicConfigTable\":{\"T\":{");
  }

  @Test
  void shouldTakeDefaultsForMembersOlderBrokersOmit() {
    JsonObject old = (JsonObject) JsonReader.parse("{\"topicName\":\"T\",\"perm\":6}");

    TopicConfig config = TopicConfigCodec.decode(old, "ignored");

    assertThat(config).isEqualTo(TopicConfig.of("T", 16, 6));
  }

  @Test
  void shouldRejectAnUnknownFilterType() {
    JsonObject bad = (JsonObject) JsonReader.parse("{\"topicFilterType\":\"NO_TAG\"}");

    assertThatThrownBy(() -> TopicConfigCodec.decode(bad, "T")).hasMessageContaining("NO_TAG");
  }

  @Property
  void shouldRoundTripAnyTopicTable(@ForAll("topics") List<TopicConfig> topics) {
    String json = TopicConfigCodec.encodeTable(new DataVersion(5, 1, 99), topics);

    TopicConfigCodec.TopicTable table =
        TopicConfigCodec.decodeTable((JsonObject) JsonReader.parse(json), clock);

    assertThat(table.dataVersion()).isEqualTo(new DataVersion(5, 1, 99));
    assertThat(table.topics().values()).containsExactlyElementsOf(topics);
  }

  @Provide
  Arbitrary<List<TopicConfig>> topics() {
    Arbitrary<String> names =
        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20);
    Arbitrary<TopicConfig> topic =
        Combinators.combine(
                names,
                Arbitraries.integers().between(0, 1024),
                Arbitraries.integers().between(0, 1024),
                Arbitraries.integers().between(0, 7),
                Arbitraries.of(TopicFilterType.class),
                Arbitraries.integers().between(0, 3),
                Arbitraries.of(true, false),
                Arbitraries.maps(names, Arbitraries.strings().ofMaxLength(10)).ofMaxSize(3))
            .as(TopicConfig::new);
    return topic.list().ofMaxSize(10).uniqueElements(TopicConfig::topicName);
  }

  @Test
  void shouldKeepAttributeOrder() {
    TopicConfig config =
        new TopicConfig(
            "T",
            1,
            1,
            6,
            TopicFilterType.SINGLE_TAG,
            0,
            false,
            new java.util.LinkedHashMap<>(Map.of("message.type", "NORMAL")));
    JsonObject json = (JsonObject) JsonReader.parse(TopicConfigCodec.toJson(config));

    assertThat(TopicConfigCodec.decode(json, "T").attributes())
        .containsExactly(Map.entry("message.type", "NORMAL"));
  }
}
