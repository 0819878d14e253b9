package io.duetmq.namesrv.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.duetmq.namesrv.route.DataVersion;
import io.duetmq.namesrv.route.TopicConfig;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.rocketmq.remoting.protocol.body.RegisterBrokerBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegisterBrokerBodyDecoderTest {

  /** A body as the real RocketMQ 5.3.3 broker code builds it. */
  private static RegisterBrokerBody realBody() {
    RegisterBrokerBody body = new RegisterBrokerBody();
    org.apache.rocketmq.common.TopicConfig t =
        new org.apache.rocketmq.common.TopicConfig("T", 4, 2, 6);
    t.setTopicSysFlag(1);
    org.apache.rocketmq.common.TopicConfig tbw =
        new org.apache.rocketmq.common.TopicConfig("TBW102", 8, 8, 7);
    body.getTopicConfigSerializeWrapper().getTopicConfigTable().put("T", t);
    body.getTopicConfigSerializeWrapper().getTopicConfigTable().put("TBW102", tbw);
    body.getTopicConfigSerializeWrapper().getDataVersion().setTimestamp(1_700_000_000_000L);
    body.getTopicConfigSerializeWrapper().getDataVersion().setStateVersion(3);
    body.getTopicConfigSerializeWrapper().getDataVersion().getCounter().set(42);
    body.setFilterServerList(List.of("10.0.0.7:3000"));
    return body;
  }

  @Test
  void shouldDecodePlainBodyWrittenByRocketMq533() {
    byte[] bytes = realBody().encode(false);

    io.duetmq.namesrv.codec.RegisterBrokerBody decoded =
        RegisterBrokerBodyDecoder.decode(bytes, false);

    assertThat(decoded.dataVersion()).isEqualTo(new DataVersion(3, 1_700_000_000_000L, 42));
    assertThat(decoded.topicConfigs())
        .containsEntry("T", new TopicConfig("T", 4, 2, 6, 1))
        .containsEntry("TBW102", new TopicConfig("TBW102", 8, 8, 7, 0))
        .hasSize(2);
    assertThat(decoded.filterServerList()).containsExactly("10.0.0.7:3000");
  }

  @Test
  void shouldDecodeDeflatedBodyWrittenByRocketMq533() {
    byte[] bytes = realBody().encode(true);

    io.duetmq.namesrv.codec.RegisterBrokerBody decoded =
        RegisterBrokerBodyDecoder.decode(bytes, true);

    assertThat(decoded.dataVersion()).isEqualTo(new DataVersion(3, 1_700_000_000_000L, 42));
    // the text form carries no topicSysFlag
    assertThat(decoded.topicConfigs())
        .containsEntry("T", new TopicConfig("T", 4, 2, 6, 0))
        .containsEntry("TBW102", new TopicConfig("TBW102", 8, 8, 7, 0));
    assertThat(decoded.filterServerList()).containsExactly("10.0.0.7:3000");
  }

  @Test
  void shouldDecodeTheReferenceExample() {
    String json =
        "{\"filterServerList\":[],\"topicConfigSerializeWrapper\":{"
            + "\"dataVersion\":{\"counter\":1,\"stateVersion\":0,\"timestamp\":1700000000000},"
            + "\"mappingDataVersion\":{\"counter\":0,\"stateVersion\":0,\"timestamp\":1700000000000},"
            + "\"topicConfigTable\":{\"T\":{\"attributes\":{},\"order\":false,\"perm\":6,"
            + "\"readQueueNums\":4,\"topicFilterType\":\"SINGLE_TAG\",\"topicName\":\"T\","
            + "\"topicSysFlag\":0,\"writeQueueNums\":4}},"
            + "\"topicQueueMappingDetailMap\":{},\"topicQueueMappingInfoMap\":{}}}";

    io.duetmq.namesrv.codec.RegisterBrokerBody decoded =
        RegisterBrokerBodyDecoder.decode(json.getBytes(StandardCharsets.UTF_8), false);

    assertThat(decoded.dataVersion()).isEqualTo(new DataVersion(0, 1_700_000_000_000L, 1));
    assertThat(decoded.topicConfigs())
        .containsExactly(java.util.Map.entry("T", new TopicConfig("T", 4, 4, 6, 0)));
    assertThat(decoded.filterServerList()).isEmpty();
  }

  @Test
  void shouldDecodeTheWrapperOnlyBodyOfPre3011Brokers() {
    byte[] bytes = realBody().getTopicConfigSerializeWrapper().encode();

    io.duetmq.namesrv.codec.RegisterBrokerBody decoded =
        RegisterBrokerBodyDecoder.decodeWrapper(bytes);

    assertThat(decoded.topicConfigs()).containsKeys("T", "TBW102");
    assertThat(decoded.dataVersion().counter()).isEqualTo(42);
  }

  @Test
  void shouldTreatMissingBodyAsNoTopics() {
    assertThat(RegisterBrokerBodyDecoder.decode(null, false))
        .isEqualTo(io.duetmq.namesrv.codec.RegisterBrokerBody.EMPTY);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "[]",
        "{\"topicConfigSerializeWrapper\":{\"topicConfigTable\":{\"T\":{\"readQueueNums\":\"x\"}}}}",
        "{\"topicConfigSerializeWrapper\":{\"topicConfigTable\":{\"T\":5}}}",
        "{\"topicConfigSerializeWrapper\":{\"dataVersion\":{\"counter\":1.5}}}",
        "{\"filterServerList\":[1]}",
        "{\"topicConfigSerializeWrapper\":{\"topicConfigTable\":{\"T\":{\"perm\":6"
      })
  void shouldRejectMalformedJsonBodiesNamingTheProblem(String json) {
    assertThatThrownBy(
            () -> RegisterBrokerBodyDecoder.decode(json.getBytes(StandardCharsets.UTF_8), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageFindingMatch("JSON|must be|must hold|integer");
  }

  @Test
  void shouldRejectTruncatedDeflatedBody() {
    byte[] whole = realBody().encode(true);
    byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

    assertThatThrownBy(() -> RegisterBrokerBodyDecoder.decode(truncated, true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRejectDeflatedBodyWithAbsurdLength() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
      out.writeInt(Integer.MAX_VALUE);
    }

    assertThatThrownBy(() -> RegisterBrokerBodyDecoder.decode(bytes.toByteArray(), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad length " + Integer.MAX_VALUE);
  }

  @Test
  void shouldRejectBodyThatIsNotZlibWhenFlaggedCompressed() {
    assertThatThrownBy(
            () -> RegisterBrokerBodyDecoder.decode("{}".getBytes(StandardCharsets.UTF_8), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zlib");
  }

  @Property(tries = 300)
  void shouldOnlyEverRejectRandomBytesWithIllegalArgument(
      @ForAll byte[] bytes, @ForAll boolean compressed) {
    try {
      RegisterBrokerBodyDecoder.decode(bytes, compressed);
    } catch (IllegalArgumentException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }
}
