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
  private static final String SEND_BACK_OF_A_RETRY_REFUSED =
      "broker: the second send-back (CONSUMER_SEND_MSG_BACK 36 of a message already in"
          + " %RETRY%<group>) does not lead to the DLQ / next retry. Before 2ddaaf2 it was refused"
          + " with TOPIC_MISMATCH (the client then re-sent it itself at delay level 3 +"
          + " reconsumeTimes: 'delay level 4' re-puts in the log). With 2ddaaf2 merged (re-run at"
          + " 12:49) it still fails the same way on 4.9.8 and 5.3.3: no '%DLQ%<group> created' in"
          + " the broker log, and no further delivery within 30 s.";

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

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("rocketmqClients")
  void shouldRedeliverThroughTheRetryTopicUnderTheOriginalTopic(ClientVersion version) {
    Map<String, String> result = retry(version, 16, 2);

    LOG.log(System.Logger.Level.INFO, "{0} first retry after {1} ms", version, result);
    assertThat(result).containsEntry("deliveries", "2");
  }

  @Disabled(
      "broker: a retry at delay level 1 (1 s) often reaches the push consumer only after 20 s"
          + " (measured: 20.0 s on 5.3.3 and 1.0 s on 4.9.8 in one run, ~20 s on both in"
          + " another = the 15 s hold + the 5 s re-check): the delayed message re-put into"
          + " %RETRY%<group> does not wake the consumer's held (long-poll, 15 s) pull of that"
          + " queue, so it is seen only when the hold expires")
  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("rocketmqClients")
  void shouldRedeliverAtDelayLevelOneWithinAFewSeconds(ClientVersion version) {
    long millis = Long.parseLong(retry(version, 16, 2).get("firstRetryMillis"));

    assertThat(millis).as("delay level 1 is one second").isBetween(900L, 5_000L);
  }

  @Disabled(
      SEND_BACK_OF_A_RETRY_REFUSED
          + " The fallback re-send to %RETRY%<group> (RECONSUME_TIME"
          + " 2 > MAX_RECONSUME_TIMES 1) is then stored as a delayed retry instead of going to the"
          + " DLQ: no %DLQ%<group> topic is ever created and the lite pull reader of it finds nothing"
          + " in 30 s (4.9.8 and 5.3.3)")
  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("rocketmqClients")
  void shouldRetryOnceThroughTheRetryTopicAndThenDeadLetter(ClientVersion version) {
    assertThat(retry(version, 1, 2)).containsEntry("deliveries", "2");
  }

  @Disabled(
      SEND_BACK_OF_A_RETRY_REFUSED
          + " So the third delivery (reconsumeTimes 2) needs"
          + " 30 s (delay level 4) instead of 1 s")
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
