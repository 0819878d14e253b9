package io.duetmq.compat.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.BrokerFixture;
import io.duetmq.compat.harness.ClientRuntime;
import io.duetmq.compat.harness.ClientVersion;
import io.duetmq.compat.harness.ForkedClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RetryAndBroadcastTest {
  private static final System.Logger LOG = System.getLogger(RetryAndBroadcastTest.class.getName());

  @TempDir Path dataDir;
  @TempDir Path offsetsDir;

  static Stream<ClientVersion> rocketmqClients() {
    return ClientVersion.selected("rocketmq-client");
  }

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("rocketmqClients")
  void shouldDeliverEveryMessageToEachBroadcastingConsumer(ClientVersion version) {
    try (BrokerFixture broker = BrokerFixture.start(dataDir)) {
      Map<String, String> result =
          ForkedClient.of(version)
              .withSystemProperties(
                  Map.of("rocketmq.client.localOffsetStoreDir", offsetsDir.toString()))
              .runScenario(
                  BroadcastingScenario.class,
                  Map.of(
                      "namesrv", broker.namesrvAddress().orElseThrow(),
                      "topic", "Broadcast",
                      "messages", "50"),
                  Duration.ofSeconds(60));

      assertThat(result).containsEntry("first", "50").containsEntry("second", "50");
    }
  }

  @Disabled(
      "broker: with rocketmq-client 5.3.3 a retry at delay level 1 (1 s) reaches the push"
          + " consumer only after 20.0 s (measured 20,014-20,020 ms in three runs; 4.9.8: 1,018-1,032"
          + " ms) = the 15 s pull hold + the 5 s re-check: the delayed message re-put into"
          + " %RETRY%<group> does not wake the consumer's held pull of that queue (probably the pull"
          + " was parked before the retry queue had any entry)")
  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("rocketmqClients")
  void shouldRedeliverAtDelayLevelOneWithinAFewSeconds(ClientVersion version) {
    long millis = Long.parseLong(retry(version, 16, 2).get("firstRetryMillis"));

    assertThat(millis).as("delay level 1 is one second").isBetween(900L, 5_000L);
  }

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("rocketmqClients")
  void shouldRetryOnceThroughTheRetryTopicAndThenDeadLetter(ClientVersion version) {
    Map<String, String> result = retry(version, 1, 2);

    LOG.log(System.Logger.Level.INFO, "{0} retry and dead letter: {1}", version, result);
    assertThat(result).containsEntry("deliveries", "2");
  }

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("rocketmqClients")
  void shouldRetryTwiceWithGrowingReconsumeTimesAndThenDeadLetter(ClientVersion version) {
    assertThat(retry(version, 2, 3)).containsEntry("deliveries", "3");
  }

  private Map<String, String> retry(ClientVersion version, int maxReconsumeTimes, int deliveries) {
    try (BrokerFixture broker = BrokerFixture.start(dataDir);
        ClientRuntime runtime = ClientRuntime.open(version)) {
      return runtime.run(
          RetryDeadLetterScenario.class,
          Map.of(
              "namesrv", broker.namesrvAddress().orElseThrow(),
              "topic", "Retry",
              "maxReconsumeTimes", Integer.toString(maxReconsumeTimes),
              "deliveries", Integer.toString(deliveries)));
    }
  }
}
