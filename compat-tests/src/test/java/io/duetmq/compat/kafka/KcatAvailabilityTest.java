package io.duetmq.compat.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.duetmq.compat.harness.ProcessResult;
import io.duetmq.compat.harness.ProcessRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KcatAvailabilityTest {
  /** Debian ships it as {@code kcat}; older distributions call it {@code kafkacat}. */
  static Optional<Path> kcat() {
    return ProcessRunner.findOnPath("kcat").or(() -> ProcessRunner.findOnPath("kafkacat"));
  }

  @Test
  void shouldReportItsLibrdkafkaVersionWhenInstalled() {
    Optional<Path> kcat = kcat();
    assumeTrue(kcat.isPresent(), "kcat is not installed (apt-get install kcat); skipping");

    ProcessResult result =
        ProcessRunner.run(List.of(kcat.get().toString(), "-V"), Duration.ofSeconds(10));

    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.stdout() + result.stderr()).as(result.describe()).contains("librdkafka");
  }
}
