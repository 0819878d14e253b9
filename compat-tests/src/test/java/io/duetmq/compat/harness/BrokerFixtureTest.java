package io.duetmq.compat.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerFixtureTest {
  @TempDir Path dataDir;

  @Test
  void shouldRunTheRealLauncherInTheTempDirUntilClosed() {
    List<Optional<String>> addresses;
    try (BrokerFixture broker = BrokerFixture.start(dataDir)) {
      assertThat(broker.readyLine()).startsWith("DuetMQ standalone ready");
      assertThat(dataDir.resolve("commitlog")).isDirectory();
      assertThat(dataDir.resolve("abort")).as("the store is open").exists();
      addresses =
          List.of(broker.namesrvAddress(), broker.rocketmqAddress(), broker.kafkaBootstrap());
      addresses.forEach(
          address -> address.ifPresent(a -> assertThat(a).matches("127\\.0\\.0\\.1:\\d+")));
    }

    assertThat(Files.exists(dataDir.resolve("abort"))).as("closed cleanly").isFalse();
  }
}
