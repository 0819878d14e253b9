package io.duetmq.compat.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.ClientRuntime;
import io.duetmq.compat.harness.ClientVersion;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RocketMqClientIsolationTest {
  static Stream<ClientVersion> rocketmqVersions() {
    return Stream.concat(
        ClientVersion.selected("rocketmq-client"), ClientVersion.selected("rocketmq-tools"));
  }

  /** {@code 4.9.8} is reported by RocketMQ as {@code V4_9_8}. */
  static String versionDesc(ClientVersion version) {
    return "V" + version.version().replace('.', '_');
  }

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("rocketmqVersions")
  void shouldRunTheScenarioOnTheLibraryVersionOfItsOwnLoader(ClientVersion version) {
    try (ClientRuntime runtime = ClientRuntime.open(version)) {
      Map<String, String> result = runtime.run(RocketMqVersionScenario.class, Map.of());

      assertThat(result)
          .containsEntry("version", versionDesc(version))
          .containsEntry("loader", version.folder());
    }
  }
}
