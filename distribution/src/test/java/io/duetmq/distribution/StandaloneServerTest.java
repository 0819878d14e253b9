package io.duetmq.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneServerTest {
  @TempDir Path dir;

  @Test
  void shouldOpenTheStoreInTheDataDirAndCloseCleanly() {
    LaunchOptions options = loopback("--data-dir", dir.toString());
    try (StandaloneServer server = StandaloneServer.start(options)) {
      assertThat(server.store().isHealthy()).isTrue();
      assertThat(Files.exists(dir.resolve("abort"))).isTrue();
      assertThat(server.readyLine()).startsWith("DuetMQ standalone ready");
      assertThat(server.kafkaAddress()).startsWith("127.0.0.1:");
    }
    assertThat(Files.exists(dir.resolve("abort")))
        .as("a clean close removes the abort marker")
        .isFalse();
    assertThat(Files.isDirectory(dir.resolve("commitlog"))).isTrue();
  }

  @Test
  void shouldReadRocketMqStyleConfigFilesWithFlagsWinning() throws Exception {
    Path conf = dir.resolve("broker.conf");
    Files.writeString(
        conf,
        "storePathRootDir="
            + dir.resolve("from-file")
            + "\nflushDiskType=SYNC_FLUSH \nbindAddress=127.0.0.1\n");
    LaunchOptions options =
        LaunchOptions.parse(
            new String[] {
              "standalone",
              "-c",
              conf.toString(),
              "--data-dir",
              dir.resolve("flag").toString(),
              "--namesrv-port",
              "0",
              "--rocketmq-port",
              "0",
              "--kafka-port",
              "0"
            });
    try (StandaloneServer server = StandaloneServer.start(options)) {
      assertThat(server.store().config().storeRoot()).isEqualTo(dir.resolve("flag"));
      assertThat(server.store().config().flushDiskType().name()).isEqualTo("SYNC_FLUSH");
    }
  }

  @Test
  void shouldRunANameServerAndABrokerAsSeparateProcessesOfTheLauncher() throws Exception {
    Path conf = dir.resolve("cluster.conf");
    Files.writeString(conf, "bindAddress=127.0.0.1\n");
    try (StandaloneServer namesrv =
        StandaloneServer.start(
            LaunchOptions.parse(
                new String[] {"namesrv", "-c", conf.toString(), "--namesrv-port", "0"}))) {
      assertThat(namesrv.readyLine()).startsWith("DuetMQ namesrv ready: NameServer 127.0.0.1:");
      assertThat(namesrv.store()).isNull();
      Path brokerConf = dir.resolve("broker.conf");
      Files.writeString(
          brokerConf,
          "bindAddress=127.0.0.1\nbrokerName=broker-b\nnamesrvAddr="
              + namesrv.namesrvAddress()
              + "\nstorePathRootDir="
              + dir.resolve("broker-b")
              + "\n");
      try (StandaloneServer broker =
          StandaloneServer.start(
              LaunchOptions.parse(
                  new String[] {
                    "broker",
                    "-c",
                    brokerConf.toString(),
                    "--rocketmq-port",
                    "0",
                    "--kafka-port",
                    "auto"
                  }))) {
        assertThat(broker.readyLine())
            .startsWith("DuetMQ broker ready: RocketMQ 127.0.0.1:")
            .contains("Kafka 127.0.0.1:");
        assertThat(broker.namesrvAddress()).isNull();
        assertThat(broker.store().config().storeRoot()).isEqualTo(dir.resolve("broker-b"));
      }
    }
  }

  private LaunchOptions loopback(String... extra) {
    Path conf = dir.resolve("loopback.conf");
    try {
      Files.writeString(conf, "bindAddress=127.0.0.1\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "standalone",
                "-c",
                conf.toString(),
                "--namesrv-port",
                "0",
                "--rocketmq-port",
                "0"));
    args.addAll(java.util.List.of(extra));
    return LaunchOptions.parse(args.toArray(new String[0]));
  }

  @Test
  void shouldRejectUnknownCommandsAndFlagsWithTheUsage() {
    assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"serve"}))
        .hasMessageContaining("usage: duetmq");
    assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"standalone", "--port", "1"}))
        .hasMessageContaining("unknown option --port");
    assertThatThrownBy(
            () -> LaunchOptions.parse(new String[] {"standalone", "--kafka-port", "70000"}))
        .hasMessageContaining("not a port");
  }
}
