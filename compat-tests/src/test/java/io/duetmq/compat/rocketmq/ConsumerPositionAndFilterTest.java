package io.duetmq.compat.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.BrokerFixture;
import io.duetmq.compat.harness.ClientRuntime;
import io.duetmq.compat.harness.ClientVersion;
import io.duetmq.compat.harness.Scenario;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConsumerPositionAndFilterTest {
  @TempDir Path dataDir;

  static Stream<ClientVersion> rocketmqClients() {
    return ClientVersion.selected("rocketmq-client");
  }

  private Map<String, String> run(
      ClientVersion version, Class<? extends Scenario> scenario, String topic) {
    return run(version, scenario, topic, "");
  }

  private Map<String, String> run(
      ClientVersion version, Class<? extends Scenario> scenario, String topic, String mode) {
    try (BrokerFixture broker = BrokerFixture.start(dataDir);
        ClientRuntime runtime = ClientRuntime.open(version)) {
      return runtime.run(
          scenario,
          Map.of(
              "namesrv",
              broker.namesrvAddress().orElseThrow(),
              "topic",
              topic,
              "messages",
              "10",
              "mode",
              mode));
    }
  }

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("rocketmqClients")
  void shouldReadFromSoughtOffsetsInAssignMode(ClientVersion version) {
    assertThat(run(version, LitePullAssignScenario.class, "Assign"))
        .containsEntry("read", "35")
        .containsEntry("reread", "3");
  }

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("rocketmqClients")
  void shouldReadFromTheOffsetsFoundForATimestamp(ClientVersion version) {
    assertThat(run(version, ConsumeFromTimestampScenario.class, "FromTimestamp", "litePull"))
        .containsEntry("received", "10");
  }

  /**
   * As with RocketMQ, a new group's first offset on a young topic is 0 (reference §3.9: "offset 0
   * if hot"), so CONSUME_FROM_TIMESTAMP is not consulted and the old batch arrives too.
   */
  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("rocketmqClients")
  void shouldStartANewPushGroupOnAYoungTopicAtOffsetZeroDespiteItsTimestamp(ClientVersion version) {
    assertThat(run(version, ConsumeFromTimestampScenario.class, "FromTimestamp", "push"))
        .containsEntry("received", "10")
        .containsEntry("old", "10");
  }

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("rocketmqClients")
  void shouldDeliverOnlyTheSubscribedTags(ClientVersion version) {
    assertThat(run(version, TagFilterScenario.class, "Tags")).containsEntry("received", "20");
  }
}
