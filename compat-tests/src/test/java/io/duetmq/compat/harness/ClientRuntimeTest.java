package io.duetmq.compat.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientRuntimeTest {
  private static final String KAFKA_CLASS = "org.apache.kafka.common.utils.AppInfoParser";

  @Test
  void shouldShareOnlyTheScenarioInterfaceAndTheTestFrameworks() throws Exception {
    try (ClientRuntime runtime = ClientRuntime.open(ClientVersion.KAFKA_2_8)) {
      ClassLoader isolated = runtime.classLoader();

      assertThat(isolated.loadClass(Scenario.class.getName())).isSameAs(Scenario.class);
      assertThat(isolated.loadClass(Test.class.getName())).isSameAs(Test.class);
      Class<?> kafkaInside = isolated.loadClass(KAFKA_CLASS);
      assertThat(kafkaInside).isNotSameAs(Class.forName(KAFKA_CLASS));
      assertThat(kafkaInside.getClassLoader()).isSameAs(isolated);
      assertThat(isolated.loadClass(FailingScenario.class.getName()).getClassLoader())
          .as("scenario classes are defined in isolation, even next to the harness")
          .isSameAs(isolated);
    }
  }

  @Test
  void shouldFailWithTheScenariosOwnAssertionMessage() {
    try (ClientRuntime runtime = ClientRuntime.open(ClientVersion.KAFKA_2_8)) {
      assertThatThrownBy(() -> runtime.run(FailingScenario.class, Map.of("answer", "41")))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(FailingScenario.DESCRIPTION)
          .hasMessageContaining("41");
    }
  }

  @Test
  void shouldFailAndInterruptAScenarioThatOutlivesItsTimeLimit() {
    try (ClientRuntime runtime = ClientRuntime.open(ClientVersion.KAFKA_2_8)) {
      assertThatThrownBy(
              () -> runtime.run(BlockingScenario.class, Map.of(), Duration.ofMillis(200)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("BlockingScenario on kafka-clients-2.8.2 did not finish within")
          .hasMessageContaining("CountDownLatch.await");
    }
  }

  @Test
  void shouldCarryAForkedScenariosFailureMessageBack() {
    ForkedClient fork = ForkedClient.of(ClientVersion.KAFKA_2_8);

    assertThatThrownBy(
            () ->
                fork.runScenario(
                    FailingScenario.class, Map.of("answer", "41"), Duration.ofSeconds(30)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(FailingScenario.DESCRIPTION)
        .hasMessageContaining("forked");
  }

  @Test
  void shouldKillAForkedScenarioThatOutlivesItsTimeLimit() {
    ForkedClient fork = ForkedClient.of(ClientVersion.KAFKA_2_8);

    assertThatThrownBy(
            () -> fork.runScenario(BlockingScenario.class, Map.of(), Duration.ofSeconds(2)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("killed after PT2S");
  }
}
