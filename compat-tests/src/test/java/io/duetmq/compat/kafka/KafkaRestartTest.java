package io.duetmq.compat.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.duetmq.compat.harness.BrokerFixture;
import io.duetmq.compat.harness.ClientRuntime;
import io.duetmq.compat.harness.ClientVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka records survive restarts of the standalone broker: a clean close and reopen keeps every
 * record at its offset and new records continue after them; a SIGKILLed broker with {@code
 * flushDiskType=SYNC_FLUSH} keeps every record it acknowledged (acks=all) at the acknowledged
 * offset.
 */
class KafkaRestartTest {
  private static final String TOPIC = "restart";
  private static final int PARTITIONS = 3;

  @TempDir Path tempDir;

  @Test
  void shouldKeepOffsetsAndContinueAfterACleanRestart() {
    Path data = tempDir.resolve("data");
    Path before = tempDir.resolve("acks-before");
    Path after = tempDir.resolve("acks-after");
    Map<String, String> produced;
    try (ClientRuntime runtime = ClientRuntime.open(ClientVersion.KAFKA_4_1)) {
      try (BrokerFixture broker = BrokerFixture.start(data)) {
        produced = runtime.run(AckedProduceScenario.class, produce(broker, before, 30_000, true));
      }
      assertThat(produced).containsEntry("acked", "30000").containsEntry("failed", "0");

      try (BrokerFixture broker = BrokerFixture.start(data)) {
        Map<String, String> kept =
            runtime.run(AckedRecordsCheckScenario.class, check(broker, before.toString()));
        assertThat(kept).containsEntry("checked", "30000");
        for (int p = 0; p < PARTITIONS; p++) {
          assertThat(kept).containsEntry("end." + p, "10000");
        }

        Map<String, String> more =
            runtime.run(AckedProduceScenario.class, produce(broker, after, 3_000, false));
        assertThat(more).containsEntry("acked", "3000");
        for (int p = 0; p < PARTITIONS; p++) {
          assertThat(more).as("partition %d continues", p).containsEntry("first." + p, "10000");
          assertThat(more).containsEntry("last." + p, "10999");
        }
        Map<String, String> all =
            runtime.run(AckedRecordsCheckScenario.class, check(broker, before + "," + after));
        assertThat(all).containsEntry("checked", "33000");
      }
    }
  }

  @Test
  void shouldKeepEveryAcknowledgedRecordAfterSigkillWithSyncFlush() throws Exception {
    Path data = tempDir.resolve("data");
    Path conf = tempDir.resolve("sync-flush.conf");
    Files.writeString(
        conf, "flushDiskType=SYNC_FLUSH\nbindAddress=127.0.0.1\nbrokerIP1=127.0.0.1\n");
    Path acks = tempDir.resolve("acks");
    Map<String, String> produced;
    try (ClientRuntime runtime = ClientRuntime.open(ClientVersion.KAFKA_4_1)) {
      try (ForkedStandaloneBroker broker =
          ForkedStandaloneBroker.start(conf, data, Duration.ofSeconds(60))) {
        assertThat(broker.readyLine()).contains("Kafka " + broker.kafkaBootstrap());
        Map<String, String> params =
            Map.of(
                "bootstrap",
                broker.kafkaBootstrap(),
                "topic",
                TOPIC,
                "partitions",
                Integer.toString(PARTITIONS),
                "records",
                "5000000",
                "ackFile",
                acks.toString());
        CompletableFuture<Map<String, String>> producing =
            CompletableFuture.supplyAsync(
                () -> runtime.run(AckedProduceScenario.class, params, Duration.ofSeconds(120)));
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> lines(acks) >= 20_000 || producing.isDone());
        assertThat(producing).as("still producing when killed").isNotDone();
        broker.kill();
        produced = result(producing);
      }
      assertThat(Integer.parseInt(produced.get("failed")))
          .as("sends failed after the kill: %s", produced)
          .isPositive();
      assertThat(Integer.parseInt(produced.get("acked"))).isGreaterThanOrEqualTo(20_000);

      try (BrokerFixture restarted = BrokerFixture.start(data)) {
        Map<String, String> kept =
            runtime.run(AckedRecordsCheckScenario.class, check(restarted, acks.toString()));
        assertThat(kept).containsEntry("checked", produced.get("acked"));
      }
    }
  }

  private static Map<String, String> produce(
      BrokerFixture broker, Path ackFile, int records, boolean create) {
    return Map.of(
        "bootstrap",
        broker.kafkaBootstrap().orElseThrow(),
        "topic",
        TOPIC,
        "partitions",
        Integer.toString(PARTITIONS),
        "records",
        Integer.toString(records),
        "ackFile",
        ackFile.toString(),
        "create",
        Boolean.toString(create));
  }

  private static Map<String, String> check(BrokerFixture broker, String ackFiles) {
    return Map.of(
        "bootstrap", broker.kafkaBootstrap().orElseThrow(), "topic", TOPIC, "ackFiles", ackFiles);
  }

  private static long lines(Path file) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.count();
    } catch (UncheckedIOException e) {
      return 0; // a half-written UTF-8 sequence at the tail; ask again
    }
  }

  private static Map<String, String> result(CompletableFuture<Map<String, String>> producing)
      throws InterruptedException, TimeoutException {
    try {
      return producing.get(150, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("the producer scenario failed", e.getCause());
    }
  }
}
