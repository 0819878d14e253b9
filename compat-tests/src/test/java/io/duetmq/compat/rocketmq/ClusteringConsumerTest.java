package io.duetmq.compat.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.BrokerFixture;
import io.duetmq.compat.harness.ClientRuntime;
import io.duetmq.compat.harness.ClientVersion;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ClusteringConsumerTest {
  private static final System.Logger LOG = System.getLogger(ClusteringConsumerTest.class.getName());

  @TempDir Path dataDir;

  static Stream<ClientVersion> rocketmqClients() {
    return ClientVersion.selected("rocketmq-client");
  }

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("rocketmqClients")
  void shouldSplitQueuesConsumeOnceAndLoseNothingWhenMembersJoinAndLeave(ClientVersion version) {
    try (BrokerFixture broker = BrokerFixture.start(dataDir);
        ClientRuntime runtime = ClientRuntime.open(version)) {
      Map<String, String> result =
          runtime.run(
              ClusteringSplitScenario.class,
              Map.of(
                  "namesrv", broker.namesrvAddress().orElseThrow(),
                  "topic", "Split",
                  "queues", "8",
                  "messages", "300"));

      LOG.log(System.Logger.Level.INFO, "{0} clustering: {1}", version, result);
      assertThat(result).containsEntry("steadyReceived", "300");
      assertThat(result.get("split")).as("three shares of 8 queues").matches(shares(3, 8));
      assertThat(result.get("afterJoin")).as("four shares").matches(shares(4, 8));
      assertThat(result.get("afterLeave")).as("three shares").matches(shares(3, 8));
      assertThat(result.get("rebalanceReceived")).isEqualTo(result.get("rebalanceSent"));
    }
  }

  /** {@code [i:[a, b, c]]} repeated {@code members} times, each with 2 or 3 of {@code queues}. */
  private static String shares(int members, int queues) {
    int small = queues / members;
    String share = "\\[\\d+:\\[\\d+(, \\d+){" + (small - 1) + "," + small + "}\\]\\]";
    return "(" + share + "){" + members + "}";
  }

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("rocketmqClients")
  void shouldResumeFromCommittedOffsetsAfterACleanBrokerRestart(ClientVersion version) {
    String group = "resume_" + version.version().replace('.', '_');
    Map<String, String> before;
    try (BrokerFixture broker = BrokerFixture.start(dataDir);
        ClientRuntime runtime = ClientRuntime.open(version)) {
      before = runtime.run(ClusteringResumeScenario.class, params(broker, group, "before"));
    }
    assertThat(before)
        .containsEntry("consumedBefore", "60")
        .containsEntry("sentWhileOffline", "60");

    try (BrokerFixture restarted = BrokerFixture.start(dataDir);
        ClientRuntime runtime = ClientRuntime.open(version)) {
      Map<String, String> after =
          runtime.run(ClusteringResumeScenario.class, params(restarted, group, "after"));

      assertThat(after).containsEntry("consumedAfter", "120");
    }
  }

  private static Map<String, String> params(BrokerFixture broker, String group, String phase) {
    return Map.of(
        "namesrv",
        broker.namesrvAddress().orElseThrow(),
        "topic",
        "Resume",
        "group",
        group,
        "messages",
        "60",
        "phase",
        phase);
  }
}
