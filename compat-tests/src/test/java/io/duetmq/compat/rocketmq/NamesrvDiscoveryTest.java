package io.duetmq.compat.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.BrokerFixture;
import io.duetmq.compat.harness.ClientRuntime;
import io.duetmq.compat.harness.ClientVersion;
import io.duetmq.compat.harness.ForkedClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The four ways a RocketMQ client finds its NameServer (reference §2.1). All but the setter read
 * JVM-wide state, so each runs in a JVM of its own whose environment carries no {@code
 * NAMESRV_ADDR} unless the case sets it.
 */
class NamesrvDiscoveryTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String ENV = "NAMESRV_ADDR";

  @TempDir Path dataDir;

  static Stream<ClientVersion> rocketmqClients() {
    return ClientVersion.selected("rocketmq-client");
  }

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("rocketmqClients")
  void shouldFindTheNameServerThroughSetNamesrvAddr(ClientVersion version) {
    try (BrokerFixture broker = BrokerFixture.start(dataDir);
        ClientRuntime runtime = ClientRuntime.open(version)) {
      Map<String, String> result =
          runtime.run(
              NamesrvDiscoveryScenario.class,
              Map.of("namesrv", broker.namesrvAddress().orElseThrow(), "topic", "BySetter"));

      assertThat(result).containsEntry("received", "1");
    }
  }

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("rocketmqClients")
  void shouldFindTheNameServerThroughTheJvmProperty(ClientVersion version) {
    try (BrokerFixture broker = BrokerFixture.start(dataDir)) {
      ForkedClient fork =
          ForkedClient.of(version)
              .withEnvironment(Map.of(), Set.of(ENV))
              .withSystemProperties(
                  Map.of("rocketmq.namesrv.addr", broker.namesrvAddress().orElseThrow()));

      assertThat(
              fork.runScenario(
                  NamesrvDiscoveryScenario.class, Map.of("topic", "ByProperty"), TIMEOUT))
          .containsEntry("received", "1");
    }
  }

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("rocketmqClients")
  void shouldFindTheNameServerThroughTheEnvironment(ClientVersion version) {
    try (BrokerFixture broker = BrokerFixture.start(dataDir)) {
      ForkedClient fork =
          ForkedClient.of(version)
              .withEnvironment(Map.of(ENV, broker.namesrvAddress().orElseThrow()), Set.of());

      assertThat(
              fork.runScenario(NamesrvDiscoveryScenario.class, Map.of("topic", "ByEnv"), TIMEOUT))
          .containsEntry("received", "1");
    }
  }

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("rocketmqClients")
  void shouldFindTheNameServerThroughTheHttpAddressServer(ClientVersion version) {
    try (BrokerFixture broker = BrokerFixture.start(dataDir, Map.of("namesrvHttpPort", "0"))) {
      String domain =
          broker.namesrvHttpAddress().orElseThrow(() -> new AssertionError("no HTTP endpoint"));
      ForkedClient fork =
          ForkedClient.of(version)
              .withEnvironment(Map.of(), Set.of(ENV))
              .withSystemProperties(Map.of("rocketmq.namesrv.domain", domain));

      assertThat(
              fork.runScenario(NamesrvDiscoveryScenario.class, Map.of("topic", "ByHttp"), TIMEOUT))
          .containsEntry("received", "1");
    }
  }
}
