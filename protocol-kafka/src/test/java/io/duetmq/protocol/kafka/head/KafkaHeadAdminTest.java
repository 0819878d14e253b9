package io.duetmq.protocol.kafka.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kafka-clients 4.1 Admin against the head: topics, partitions, configs, cluster. */
class KafkaHeadAdminTest {
  private static final int WAIT = 30;

  @TempDir Path dir;

  @Test
  void shouldCreateListDescribeGrowAndDeleteTopics() throws Exception {
    try (HeadFixture fixture = new HeadFixture(dir);
        Admin admin = Admin.create(fixture.adminProps())) {
      admin
          .createTopics(
              List.of(
                  new NewTopic("alpha", 3, (short) 1),
                  new NewTopic("beta", 1, (short) 1)
                      .configs(Map.of("message.timestamp.type", "LogAppendTime"))))
          .all()
          .get(WAIT, TimeUnit.SECONDS);
      assertThat(admin.listTopics().names().get(WAIT, TimeUnit.SECONDS))
          .containsExactlyInAnyOrder("alpha", "beta");

      Map<String, TopicDescription> described =
          admin.describeTopics(List.of("alpha")).allTopicNames().get(WAIT, TimeUnit.SECONDS);
      assertThat(described.get("alpha").partitions()).hasSize(3);
      assertThat(described.get("alpha").partitions().get(2).leader().id())
          .isEqualTo(HeadFixture.NODE_ID);
      java.util.UUID id = fixture.catalog.find("alpha").orElseThrow().topicId();
      assertThat(described.get("alpha").topicId())
          .isEqualTo(new Uuid(id.getMostSignificantBits(), id.getLeastSignificantBits()));

      assertCause(
          () -> admin.createTopics(List.of(new NewTopic("alpha", 1, (short) 1))).all().get(),
          TopicExistsException.class);
      assertCause(
          () -> admin.createTopics(List.of(new NewTopic("bad/name", 1, (short) 1))).all().get(),
          InvalidTopicException.class);
      assertCause(
          () ->
              admin
                  .createTopics(
                      List.of(new NewTopic("gamma", 1, (short) 1).configs(Map.of("no.such", "1"))))
                  .all()
                  .get(),
          InvalidConfigurationException.class);

      admin
          .createPartitions(Map.of("alpha", NewPartitions.increaseTo(5)))
          .all()
          .get(WAIT, TimeUnit.SECONDS);
      assertThat(fixture.catalog.find("alpha").orElseThrow().partitions()).isEqualTo(5);
      assertCause(
          () -> admin.createPartitions(Map.of("alpha", NewPartitions.increaseTo(2))).all().get(),
          InvalidPartitionsException.class);

      admin.deleteTopics(List.of("beta")).all().get(WAIT, TimeUnit.SECONDS);
      assertThat(admin.listTopics().names().get(WAIT, TimeUnit.SECONDS)).containsExactly("alpha");
      assertCause(
          () -> admin.deleteTopics(List.of("beta")).all().get(),
          UnknownTopicOrPartitionException.class);
    }
  }

  @Test
  void shouldDescribeAndIncrementallyAlterTopicConfigs() throws Exception {
    try (HeadFixture fixture = new HeadFixture(dir);
        Admin admin = Admin.create(fixture.adminProps())) {
      fixture.catalog.create("conf", 1, Map.of("retention.ms", "1000"));
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "conf");
      Config config =
          admin.describeConfigs(List.of(resource)).all().get(WAIT, TimeUnit.SECONDS).get(resource);
      assertThat(config.get("retention.ms").value()).isEqualTo("1000");
      assertThat(config.get("retention.ms").source())
          .isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
      assertThat(config.get("cleanup.policy").value()).isEqualTo("delete");
      assertThat(config.get("cleanup.policy").source())
          .isEqualTo(ConfigEntry.ConfigSource.DEFAULT_CONFIG);
      assertThat(config.get("max.message.bytes").value()).isEqualTo("1048588");

      admin
          .incrementalAlterConfigs(
              Map.of(
                  resource,
                  List.of(
                      new AlterConfigOp(
                          new ConfigEntry("max.message.bytes", "2000"), AlterConfigOp.OpType.SET),
                      new AlterConfigOp(
                          new ConfigEntry("retention.ms", null), AlterConfigOp.OpType.DELETE),
                      new AlterConfigOp(
                          new ConfigEntry("cleanup.policy", "compact"),
                          AlterConfigOp.OpType.APPEND))))
          .all()
          .get(WAIT, TimeUnit.SECONDS);
      assertThat(fixture.catalog.configs("conf").orElseThrow())
          .isEqualTo(Map.of("max.message.bytes", "2000", "cleanup.policy", "delete,compact"));

      assertCause(
          () ->
              admin
                  .incrementalAlterConfigs(
                      Map.of(
                          resource,
                          List.of(
                              new AlterConfigOp(
                                  new ConfigEntry("max.message.bytes", "lots"),
                                  AlterConfigOp.OpType.SET))))
                  .all()
                  .get(),
          InvalidConfigurationException.class);
      assertThat(fixture.catalog.configs("conf").orElseThrow())
          .containsEntry("max.message.bytes", "2000");
    }
  }

  @Test
  void shouldDescribeTheClusterAsThisSingleBroker() throws Exception {
    try (HeadFixture fixture = new HeadFixture(dir);
        Admin admin = Admin.create(fixture.adminProps())) {
      DescribeClusterResult cluster = admin.describeCluster();
      Collection<Node> nodes = cluster.nodes().get(WAIT, TimeUnit.SECONDS);
      assertThat(nodes).hasSize(1);
      Node node = nodes.iterator().next();
      assertThat(node.id()).isEqualTo(HeadFixture.NODE_ID);
      assertThat(node.port()).isEqualTo(fixture.head.port());
      assertThat(cluster.clusterId().get(WAIT, TimeUnit.SECONDS)).isEqualTo(HeadFixture.CLUSTER_ID);
      assertThat(cluster.controller().get(WAIT, TimeUnit.SECONDS).id())
          .isEqualTo(HeadFixture.NODE_ID);

      ConfigResource broker =
          new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(HeadFixture.NODE_ID));
      Config config =
          admin.describeConfigs(Set.of(broker)).all().get(WAIT, TimeUnit.SECONDS).get(broker);
      assertThat(config.get("num.partitions").value()).isEqualTo("1");
    }
  }

  private interface Call {
    void run() throws Exception;
  }

  private static void assertCause(Call call, Class<? extends Throwable> expected) {
    assertThatThrownBy(call::run)
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(expected);
  }
}
