package io.duetmq.compat.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.BrokerFixture;
import io.duetmq.compat.harness.ClientVersion;
import io.duetmq.compat.harness.ForkedClient;
import io.duetmq.compat.harness.ProcessResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka's own command-line tools of release 4.1.1, run forked through their real main classes (what
 * {@code bin/kafka-*.sh} run) against one standalone broker: kafka-topics, the console producer and
 * a group-less console consumer, kafka-get-offsets and kafka-configs (which still lives in the core
 * artifact {@code kafka_2.13}).
 */
class KafkaCliToolsTest {
  private static final String TOPIC_COMMAND = "org.apache.kafka.tools.TopicCommand";
  private static final String CONSOLE_PRODUCER = "org.apache.kafka.tools.ConsoleProducer";
  private static final String CONSOLE_CONSUMER = "org.apache.kafka.tools.consumer.ConsoleConsumer";
  private static final String GET_OFFSET_SHELL = "org.apache.kafka.tools.GetOffsetShell";
  private static final String CONFIG_COMMAND = "kafka.admin.ConfigCommand";
  private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);

  @TempDir static Path dataDir;
  private static BrokerFixture broker;

  @BeforeAll
  static void startBroker() {
    broker = BrokerFixture.start(dataDir);
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void shouldCreateListDescribeAlterAndDeleteATopicWithKafkaTopics() {
    String topic = "cli-topics";
    assertThat(topics("--create", "--topic", topic, "--partitions", "3").stdout())
        .contains("Created topic " + topic + ".");
    assertThat(topics("--list").stdout().lines()).contains(topic);
    String described = topics("--describe", "--topic", topic).stdout();
    assertThat(described)
        .contains("Topic: " + topic)
        .contains("PartitionCount: 3")
        .contains("ReplicationFactor: 1")
        .contains("Partition: 0", "Partition: 1", "Partition: 2")
        .contains("Leader: 0");

    topics("--alter", "--topic", topic, "--partitions", "5");
    assertThat(topics("--describe", "--topic", topic).stdout())
        .contains("PartitionCount: 5")
        .contains("Partition: 4");

    topics("--delete", "--topic", topic);
    assertThat(topics("--list").stdout().lines()).doesNotContain(topic);
  }

  @Test
  void shouldReadWhatTheConsoleProducerSentWithAGroupLessConsoleConsumer() {
    String topic = "cli-console";
    topics("--create", "--topic", topic, "--partitions", "1");

    ProcessResult produced =
        tool(
            ClientVersion.KAFKA_TOOLS_4_1,
            CONSOLE_PRODUCER,
            "alpha\nbravo\ncharlie\n",
            "--bootstrap-server",
            bootstrap(),
            "--topic",
            topic);
    assertThat(produced.stderr()).as(produced.describe()).doesNotContain("ERROR");

    ProcessResult consumed =
        tool(
            ClientVersion.KAFKA_TOOLS_4_1,
            CONSOLE_CONSUMER,
            null,
            "--bootstrap-server",
            bootstrap(),
            "--topic",
            topic,
            "--partition",
            "0",
            "--offset",
            "earliest",
            "--max-messages",
            "3",
            "--timeout-ms",
            "30000");
    assertThat(consumed.stdout().lines())
        .as(consumed.describe())
        .containsExactly("alpha", "bravo", "charlie");
    assertThat(consumed.stderr()).contains("Processed a total of 3 messages");
  }

  @Test
  void shouldReportLatestAndEarliestOffsetsWithGetOffsetShell() {
    String topic = "cli-offsets";
    topics("--create", "--topic", topic, "--partitions", "1");
    tool(
        ClientVersion.KAFKA_TOOLS_4_1,
        CONSOLE_PRODUCER,
        "1\n2\n3\n4\n",
        "--bootstrap-server",
        bootstrap(),
        "--topic",
        topic);
    // The console producer cannot pick a partition: add an empty one afterwards.
    topics("--alter", "--topic", topic, "--partitions", "2");

    ProcessResult latest =
        tool(
            ClientVersion.KAFKA_TOOLS_4_1,
            GET_OFFSET_SHELL,
            null,
            "--bootstrap-server",
            bootstrap(),
            "--topic",
            topic);
    assertThat(latest.stdout().lines()).containsExactly(topic + ":0:4", topic + ":1:0");

    ProcessResult earliest =
        tool(
            ClientVersion.KAFKA_TOOLS_4_1,
            GET_OFFSET_SHELL,
            null,
            "--bootstrap-server",
            bootstrap(),
            "--topic",
            topic,
            "--time",
            "-2");
    assertThat(earliest.stdout().lines()).containsExactly(topic + ":0:0", topic + ":1:0");
  }

  @Test
  void shouldDescribeTopicConfigsWithKafkaConfigs() {
    String topic = "cli-configs";
    topics("--create", "--topic", topic, "--partitions", "1", "--config", "retention.ms=3600000");

    ProcessResult described =
        tool(
            ClientVersion.KAFKA_CORE_4_1,
            CONFIG_COMMAND,
            null,
            "--bootstrap-server",
            bootstrap(),
            "--describe",
            "--entity-type",
            "topics",
            "--entity-name",
            topic);
    assertThat(described.stdout())
        .contains("Dynamic configs for topic " + topic + " are:")
        .contains("retention.ms=3600000");
  }

  @Test
  void shouldDescribeBrokerConfigsWithKafkaConfigs() {
    ProcessResult described =
        tool(
            ClientVersion.KAFKA_CORE_4_1,
            CONFIG_COMMAND,
            null,
            "--bootstrap-server",
            bootstrap(),
            "--describe",
            "--all",
            "--entity-type",
            "brokers",
            "--entity-name",
            "0");
    assertThat(described.stdout())
        .contains("All configs for broker 0 are:")
        .contains("num.partitions=");
  }

  private static String bootstrap() {
    return broker.kafkaBootstrap().orElseThrow();
  }

  private static ProcessResult topics(String... args) {
    List<String> all = new ArrayList<>(List.of("--bootstrap-server", bootstrap()));
    all.addAll(List.of(args));
    return tool(ClientVersion.KAFKA_TOOLS_4_1, TOPIC_COMMAND, null, all.toArray(String[]::new));
  }

  /** Runs a tool to completion and fails unless it exits 0. */
  private static ProcessResult tool(
      ClientVersion version, String mainClass, String stdin, String... args) {
    ProcessResult result =
        ForkedClient.of(version).runMain(mainClass, List.of(args), stdin, TOOL_TIMEOUT);
    assertThat(result.exitCode()).as(result.describe()).isZero();
    return result;
  }
}
