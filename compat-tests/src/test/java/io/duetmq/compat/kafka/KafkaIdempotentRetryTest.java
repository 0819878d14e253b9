package io.duetmq.compat.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.BrokerFixture;
import io.duetmq.compat.harness.ClientRuntime;
import io.duetmq.compat.harness.ClientVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Duplicate detection end to end: the broker's first Produce response is lost on the way to a
 * kafka-clients 4.1 idempotent producer ({@link ProduceResponseDroppingProxy}), the client retries
 * the same batch, and the broker must store it once and answer the retry with the original offset.
 */
class KafkaIdempotentRetryTest {
  @TempDir Path dataDir;

  @Test
  void shouldStoreARetriedBatchOnceWhenItsResponseWasLost() {
    try (ProduceResponseDroppingProxy proxy = ProduceResponseDroppingProxy.bind();
        BrokerFixture broker =
            BrokerFixture.start(
                dataDir, Map.of("kafka.advertised.port", Integer.toString(proxy.port())));
        ClientRuntime runtime = ClientRuntime.open(ClientVersion.KAFKA_4_1)) {
      proxy.forwardTo(broker.kafkaBootstrap().orElseThrow());

      Map<String, String> result =
          runtime.run(
              IdempotentRetryScenario.class,
              Map.of("bootstrap", proxy.address(), "topic", "idempotent-retry"),
              Duration.ofSeconds(60));

      assertThat(proxy.droppedProduceResponses()).as("a Produce response was lost").isEqualTo(1);
      assertThat(proxy.produceRequests())
          .as("the lost batch was sent again, then the second record")
          .isEqualTo(3);
      assertThat(result)
          .containsEntry("stored", "2")
          .containsEntry("firstOffset", "0")
          .containsEntry("secondOffset", "1");
    }
  }
}
