package io.duetmq.compat.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.ClientVersion;
import io.duetmq.compat.harness.ForkedClient;
import io.duetmq.compat.harness.ProcessResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * mqadmin runs as the real {@code MQAdminStartup} main class in a JVM of its own: it may call
 * System.exit and prints to System.out, neither of which may touch the test JVM.
 */
class MqAdminTest {
  static final String MQADMIN = "org.apache.rocketmq.tools.command.MQAdminStartup";
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  static ProcessResult mqadmin(String... args) {
    return ForkedClient.of(ClientVersion.ROCKETMQ_TOOLS_5_3)
        .runMain(MQADMIN, List.of(args), TIMEOUT);
  }

  @Test
  void shouldPrintItsCommandListWhenRunWithoutArguments() {
    ProcessResult result = mqadmin();

    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.stdout())
        .as(result.describe())
        .contains("The most commonly used mqadmin commands are:")
        .contains("updateTopic")
        .contains("clusterList");
  }

  @Test
  void shouldPrintTheUsageOfOneCommand() {
    ProcessResult result = mqadmin("help", "updateTopic");

    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.stdout())
        .as(result.describe())
        .contains("usage: mqadmin updateTopic")
        .contains("-n,--namesrvAddr");
  }
}
