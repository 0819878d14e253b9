package io.duetmq.compat.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.ClientRuntime;
import io.duetmq.compat.harness.ClientVersion;
import io.duetmq.compat.harness.ForkedClient;
import io.duetmq.compat.harness.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measurement, not a check: Kafka's own {@code kafka-producer-perf-test} (ProducerPerformance of
 * kafka-tools 4.1.1, forked, idempotent by default) at 1 KiB and 100 B records with acks=1 and
 * acks=all, then an assigned consumer reading each topic back ({@link ReadRateScenario}). Prints
 * the tools' output; tagged {@code perf} and left out of the default run. The broker runs forked
 * (real launcher, default ASYNC_FLUSH), not in the test JVM whose Netty leak detection is paranoid.
 * Run with {@code mvn -B -o -pl compat-tests verify -Dtest=KafkaPerformanceTest
 * -Dcompat.excludedGroups= -Dgroups=perf}.
 */
@Tag("perf")
class KafkaPerformanceTest {
  private static final int RECORDS = 500_000;
  private static final int PARTITIONS = 3;

  @TempDir Path dataDir;

  @Test
  void shouldMeasureProducerAndReadBackThroughput() throws Exception {
    Map<String, String> figures = new TreeMap<>();
    Path conf = dataDir.resolve("perf.conf");
    Files.writeString(conf, "bindAddress=127.0.0.1\nbrokerIP1=127.0.0.1\n");
    try (ForkedStandaloneBroker broker =
            ForkedStandaloneBroker.start(conf, dataDir.resolve("data"), Duration.ofSeconds(60));
        ClientRuntime runtime = ClientRuntime.open(ClientVersion.KAFKA_4_1)) {
      String bootstrap = broker.kafkaBootstrap();
      for (int size : new int[] {1024, 100}) {
        for (String acks : new String[] {"1", "all"}) {
          String topic = "perf-" + size + "b-acks-" + acks;
          try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
          }
          ProcessResult produced = producerPerf(bootstrap, topic, size, acks);
          String summary = produced.stdout().strip().lines().reduce((a, b) -> b).orElse("");
          System.out.println(
              "[perf] "
                  + String.join(
                      " ",
                      produced
                          .command()
                          .subList(
                              produced
                                  .command()
                                  .indexOf("org.apache.kafka.tools.ProducerPerformance"),
                              produced.command().size())));
          System.out.println("[perf] " + summary);
          figures.put(topic + " produce", summary);

          Map<String, String> read =
              runtime.run(
                  ReadRateScenario.class,
                  Map.of("bootstrap", bootstrap, "topic", topic),
                  Duration.ofMinutes(6));
          String line =
              read.get("records")
                  + " records read back in "
                  + read.get("millis")
                  + " ms: "
                  + read.get("recordsPerSec")
                  + " records/s, "
                  + read.get("mbPerSec")
                  + " MiB/s";
          System.out.println("[perf] " + topic + " " + line);
          figures.put(topic + " read", line);
          assertThat(read).containsEntry("records", Integer.toString(RECORDS));
        }
      }
    }
    figures.forEach((k, v) -> System.out.println("[perf summary] " + k + ": " + v));
  }

  private static ProcessResult producerPerf(String bootstrap, String topic, int size, String acks) {
    ProcessResult result =
        ForkedClient.of(ClientVersion.KAFKA_TOOLS_4_1)
            .runMain(
                "org.apache.kafka.tools.ProducerPerformance",
                List.of(
                    "--topic",
                    topic,
                    "--num-records",
                    Integer.toString(RECORDS),
                    "--record-size",
                    Integer.toString(size),
                    "--throughput",
                    "-1",
                    "--producer-props",
                    "bootstrap.servers=" + bootstrap,
                    "acks=" + acks),
                Duration.ofMinutes(6));
    System.out.println(result.stdout());
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.stdout()).contains(RECORDS + " records sent");
    return result;
  }
}
