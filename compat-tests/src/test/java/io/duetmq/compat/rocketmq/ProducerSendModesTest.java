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

class ProducerSendModesTest {
  @TempDir Path dataDir;

  static Stream<ClientVersion> rocketmqClients() {
    return ClientVersion.selected("rocketmq-client");
  }

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("rocketmqClients")
  void shouldRoundTripKeysTagsPropertiesAndQueuesOfEverySendMode(ClientVersion version) {
    try (BrokerFixture broker = BrokerFixture.start(dataDir);
        ClientRuntime runtime = ClientRuntime.open(version)) {
      Map<String, String> result =
          runtime.run(
              ProducerSendModesScenario.class,
              Map.of("namesrv", broker.namesrvAddress().orElseThrow(), "topic", "SendModes"));

      assertThat(result)
          .containsEntry("sync", "3")
          .containsEntry("async", "3")
          .containsEntry("oneway", "3")
          .containsEntry("batch", "4")
          .containsEntry("selected", "3")
          .containsEntry("received", "16");
    }
  }
}
