package io.duetmq.compat.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.duetmq.compat.harness.BrokerFixture;
import io.duetmq.compat.harness.ClientRuntime;
import io.duetmq.compat.harness.ClientVersion;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KafkaRoundTripTest {
  @TempDir Path dataDir;

  static Stream<ClientVersion> kafkaVersions() {
    return ClientVersion.selected("kafka-clients");
  }

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("kafkaVersions")
  void shouldConsumeBackWhatItProduced(ClientVersion version) {
    try (BrokerFixture broker = BrokerFixture.start(dataDir)) {
      assumeTrue(broker.kafkaBootstrap().isPresent(), "the Kafka head is not built yet");
      try (ClientRuntime runtime = ClientRuntime.open(version)) {
        Map<String, String> result =
            runtime.run(
                KafkaRoundTripScenario.class,
                Map.of(
                    "bootstrap", broker.kafkaBootstrap().orElseThrow(),
                    "topic", "round-trip",
                    "records", "10"));

        assertThat(result).containsEntry("received", "10");
      }
    }
  }
}
