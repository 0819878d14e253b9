package io.duetmq.compat.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.BrokerFixture;
import io.duetmq.compat.harness.ClientRuntime;
import io.duetmq.compat.harness.ClientVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throughput and latency through the real rocketmq-client 5.3.3, measured and printed, not judged.
 * Tagged {@code perf}: excluded from the default build, run with {@code mvn -B -o -pl compat-tests
 * verify -Dgroups=perf -Dtest=SendConsumeThroughputTest}.
 */
@Tag("perf")
class SendConsumeThroughputTest {
  @TempDir Path dataDir;

  @Test
  void shouldMeasureSyncSendAndPushConsumeThroughput() {
    try (BrokerFixture broker = BrokerFixture.start(dataDir);
        ClientRuntime runtime = ClientRuntime.open(ClientVersion.ROCKETMQ_TOOLS_5_3)) {
      Map<String, String> result =
          runtime.run(
              SendConsumeThroughputScenario.class,
              Map.of(
                  "namesrv", broker.namesrvAddress().orElseThrow(),
                  "topic", "Perf",
                  "threads", "16",
                  "messages", "100000",
                  "seconds", "20"),
              Duration.ofMinutes(4));

      System.out.println("RocketMQ 5.3.3 client, 16 threads, 1 KiB sync sends: " + result);
      assertThat(result.get("consumed")).isEqualTo(result.get("sent"));
    }
  }
}
