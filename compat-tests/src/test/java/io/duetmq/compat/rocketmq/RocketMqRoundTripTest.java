package io.duetmq.compat.rocketmq;

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

class RocketMqRoundTripTest {
  @TempDir Path dataDir;

  static Stream<ClientVersion> rocketmqClients() {
    return ClientVersion.selected("rocketmq-client");
  }

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("rocketmqClients")
  void shouldPullBackWhatItSent(ClientVersion version) {
    try (BrokerFixture broker = BrokerFixture.start(dataDir)) {
      assumeTrue(broker.namesrvAddress().isPresent(), "the NameServer is not built yet");
      try (ClientRuntime runtime = ClientRuntime.open(version)) {
        Map<String, String> result =
            runtime.run(
                RocketMqRoundTripScenario.class,
                Map.of(
                    "namesrv", broker.namesrvAddress().orElseThrow(),
                    "topic", "RoundTrip",
                    "messages", "10"));

        assertThat(result).containsEntry("received", "10");
      }
    }
  }
}
