package io.duetmq.compat.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.ClientRuntime;
import io.duetmq.compat.harness.ClientVersion;
import io.duetmq.compat.harness.ForkedClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KafkaClientIsolationTest {
  static Stream<ClientVersion> kafkaVersions() {
    return ClientVersion.selected("kafka-clients");
  }

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("kafkaVersions")
  void shouldRunTheScenarioOnTheLibraryVersionOfItsOwnLoader(ClientVersion version) {
    try (ClientRuntime runtime = ClientRuntime.open(version)) {
      Map<String, String> result = runtime.run(KafkaVersionScenario.class, Map.of());

      assertThat(result)
          .containsEntry("version", version.version())
          .containsEntry("loader", version.folder());
    }
  }

  @Test
  void shouldRunOneCompiledScenarioClassOnEverySelectedVersion() {
    List<String> reported = new ArrayList<>();
    kafkaVersions()
        .forEach(
            version -> {
              try (ClientRuntime runtime = ClientRuntime.open(version)) {
                reported.add(runtime.run(KafkaVersionScenario.class, Map.of()).get("version"));
              }
            });

    assertThat(reported)
        .as("one KafkaVersionScenario.class, each run in a different version's loader")
        .containsExactlyElementsOf(kafkaVersions().map(ClientVersion::version).toList())
        .doesNotHaveDuplicates();
  }

  @Test
  void shouldReportTheOldestVersionFromAForkedJvm() {
    Map<String, String> result =
        ForkedClient.of(ClientVersion.KAFKA_2_8)
            .runScenario(KafkaVersionScenario.class, Map.of(), Duration.ofSeconds(30));

    assertThat(result).containsEntry("version", "2.8.2");
  }
}
