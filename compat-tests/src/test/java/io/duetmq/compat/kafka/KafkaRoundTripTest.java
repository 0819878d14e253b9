package io.duetmq.compat.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.BrokerFixture;
import io.duetmq.compat.harness.ClientRuntime;
import io.duetmq.compat.harness.ClientVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kafka-clients version produces 100,000 records with its default (idempotent) settings, with
 * acks 0, 1 and all, and with each compression codec, to 3-partition topics of a standalone broker,
 * and reads each set back exactly with an assigned consumer (see {@link KafkaRoundTripScenario}).
 */
class KafkaRoundTripTest {
  private static final int RECORDS = 100_000;

  /** {acks, compression}: the producer configurations every version runs. */
  private static final List<String[]> CONFIGS =
      List.of(
          new String[] {"default", "none"},
          new String[] {"0", "none"},
          new String[] {"1", "none"},
          new String[] {"all", "none"},
          new String[] {"default", "gzip"},
          new String[] {"default", "snappy"},
          new String[] {"default", "lz4"},
          new String[] {"default", "zstd"});

  @TempDir Path dataDir;

  static Stream<ClientVersion> kafkaClients() {
    return ClientVersion.selected("kafka-clients");
  }

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("kafkaClients")
  void shouldReadBackExactlyWhatEachProducerConfigurationSent(ClientVersion version) {
    try (BrokerFixture broker = BrokerFixture.start(dataDir);
        ClientRuntime runtime = ClientRuntime.open(version)) {
      for (String[] config : CONFIGS) {
        String topic = "rt-acks-" + config[0] + "-" + config[1];
        Map<String, String> result =
            runtime.run(
                KafkaRoundTripScenario.class,
                Map.of(
                    "bootstrap",
                    broker.kafkaBootstrap().orElseThrow(),
                    "topic",
                    topic,
                    "records",
                    Integer.toString(RECORDS),
                    "acks",
                    config[0],
                    "compression",
                    config[1],
                    "partitions",
                    "3"),
                Duration.ofMinutes(3));

        assertThat(result).as(topic).containsEntry("received", Integer.toString(RECORDS));
      }
    }
  }
}
