package io.duetmq.protocol.kafka.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.protocol.kafka.handler.KafkaHandlerRegistry;
import io.duetmq.protocol.kafka.handler.MetadataHandler;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.Test;

/** A real kafka-clients 4.1 Admin against our server: ApiVersions negotiation plus Metadata. */
class KafkaServerAdminClientTest {

  @Test
  void shouldServeDescribeClusterListTopicsAndDescribeTopicsToTheJavaAdminClient()
      throws Exception {
    AtomicInteger port = new AtomicInteger();
    var source = new FixedMetadataSource(port::get, Map.of("orders", 3, "payments", 1));
    var registry = new KafkaHandlerRegistry(List.of(new MetadataHandler(source)));
    try (KafkaServer server = new KafkaServer(KafkaServerConfig.loopbackEphemeral(), registry)) {
      server.start();
      port.set(server.port());
      Properties props = new Properties();
      props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + server.port());
      props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
      props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
      try (Admin admin = Admin.create(props)) {
        DescribeClusterResult cluster = admin.describeCluster();
        Collection<Node> nodes = cluster.nodes().get(30, TimeUnit.SECONDS);
        assertThat(nodes).hasSize(1);
        Node node = nodes.iterator().next();
        assertThat(node.id()).isEqualTo(FixedMetadataSource.NODE_ID);
        assertThat(node.host()).isEqualTo("127.0.0.1");
        assertThat(node.port()).isEqualTo(server.port());
        assertThat(cluster.clusterId().get(30, TimeUnit.SECONDS))
            .isEqualTo(FixedMetadataSource.CLUSTER_ID);
        assertThat(cluster.controller().get(30, TimeUnit.SECONDS).id())
            .isEqualTo(FixedMetadataSource.NODE_ID);

        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
            .containsExactlyInAnyOrder("orders", "payments");

        Map<String, TopicDescription> described =
            admin.describeTopics(List.of("orders")).allTopicNames().get(30, TimeUnit.SECONDS);
        assertThat(described.get("orders").partitions()).hasSize(3);
        assertThat(described.get("orders").partitions().get(2).leader().id())
            .isEqualTo(FixedMetadataSource.NODE_ID);
      }
    }
  }
}
