package io.duetmq.compat.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.duetmq.compat.harness.BrokerFixture;
import io.duetmq.compat.harness.ProcessResult;
import io.duetmq.compat.harness.ProcessRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kcat (librdkafka) against the standalone broker: metadata listing, producing lines from stdin,
 * and consuming to the end of a partition. Skipped when kcat is not installed ({@code apt-get
 * install kcat}; {@code .ci/run} installs it when it can).
 */
class KcatTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path dataDir;
  private Path kcat;

  @BeforeEach
  void findKcat() {
    Optional<Path> found = KcatAvailabilityTest.kcat();
    assumeTrue(found.isPresent(), "kcat is not installed (apt-get install kcat); skipping");
    kcat = found.get();
  }

  @Test
  void shouldListTheBrokerAndTopicsWithMetadataMode() {
    try (BrokerFixture broker = BrokerFixture.start(dataDir)) {
      String bootstrap = broker.kafkaBootstrap().orElseThrow();
      kcat(bootstrap, "hello\n", "-t", "kcat-listed", "-P");

      String listing = kcat(bootstrap, null, "-L").stdout();

      assertThat(listing)
          .contains("1 brokers:")
          .contains("broker 0 at " + bootstrap)
          .contains("topic \"kcat-listed\" with 1 partitions:")
          .contains("partition 0, leader 0");
    }
  }

  @Test
  void shouldReadBackWhatItProducedFromStdin() {
    try (BrokerFixture broker = BrokerFixture.start(dataDir)) {
      String bootstrap = broker.kafkaBootstrap().orElseThrow();

      kcat(bootstrap, "one\ntwo\nthree\n", "-t", "kcat-lines", "-p", "0", "-P");
      ProcessResult consumed =
          kcat(bootstrap, null, "-t", "kcat-lines", "-p", "0", "-C", "-o", "beginning", "-e");

      assertThat(consumed.stdout().lines()).containsExactly("one", "two", "three");
    }
  }

  @Test
  void shouldPrintOffsetsAndKeysOfConsumedRecords() {
    try (BrokerFixture broker = BrokerFixture.start(dataDir)) {
      String bootstrap = broker.kafkaBootstrap().orElseThrow();

      kcat(bootstrap, "a=1\nb=2\n", "-t", "kcat-keyed", "-p", "0", "-K", "=", "-P");
      ProcessResult consumed =
          kcat(
              bootstrap,
              null,
              "-t",
              "kcat-keyed",
              "-C",
              "-o",
              "beginning",
              "-e",
              "-f",
              "%p:%o:%k=%s\\n");

      assertThat(consumed.stdout().lines()).containsExactly("0:0:a=1", "0:1:b=2");
    }
  }

  /** Runs kcat against {@code bootstrap} and fails unless it exits 0. */
  private ProcessResult kcat(String bootstrap, String stdin, String... args) {
    List<String> command = new ArrayList<>(List.of(kcat.toString(), "-b", bootstrap));
    command.addAll(List.of(args));
    ProcessResult result = ProcessRunner.run(command, stdin, TIMEOUT);
    assertThat(result.exitCode()).as(result.describe()).isZero();
    return result;
  }
}
