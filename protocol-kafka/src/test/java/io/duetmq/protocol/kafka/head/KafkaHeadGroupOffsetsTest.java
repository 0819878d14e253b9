package io.duetmq.protocol.kafka.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.duetmq.protocol.kafka.group.GroupSnapshot;
import io.duetmq.protocol.kafka.group.GroupState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offsets in the shared store, restarts, static membership and the Admin group APIs. */
class KafkaHeadGroupOffsetsTest {
  private static final String TOPIC = "offsets";

  @TempDir Path dir;

  @Test
  void shouldShareOffsetsWithTheConsumerOffsetStoreAndKeepThemAcrossRestarts() {
    TopicPartition p1 = new TopicPartition(TOPIC, 1);
    TopicPartition p2 = new TopicPartition(TOPIC, 2);
    GroupHeadFixture fixture = new GroupHeadFixture(dir);
    try {
      fixture.catalog.create(TOPIC, 3, Map.of());
      try (KafkaConsumer<byte[], byte[]> consumer =
          new KafkaConsumer<>(fixture.consumerProps("G"))) {
        consumer.assign(List.of(p1, p2));
        consumer.commitSync(Map.of(p1, new OffsetAndMetadata(42, "meta")));
        assertThat(fixture.offsets.query("G", TOPIC, 1)).isEqualTo(42);

        fixture.offsets.commit("G", TOPIC, 2, 77).join();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.of(p1, p2));
        assertThat(committed.get(p1).offset()).isEqualTo(42);
        assertThat(committed.get(p1).metadata()).isEqualTo("meta");
        assertThat(committed.get(p2).offset()).isEqualTo(77);
        assertThat(committed.get(p2).metadata()).isEmpty();
      }
      fixture = fixture.reopen();
      try (KafkaConsumer<byte[], byte[]> consumer =
          new KafkaConsumer<>(fixture.consumerProps("G"))) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.of(p1, p2));
        assertThat(committed.get(p1).offset()).isEqualTo(42);
        assertThat(committed.get(p2).offset()).isEqualTo(77);
      }
    } finally {
      fixture.close();
    }
  }

  @Test
  void shouldRejoinAStaticMemberWithoutRebalance() {
    try (GroupHeadFixture fixture = new GroupHeadFixture(dir)) {
      fixture.catalog.create(TOPIC, 4, Map.of());
      var propsA = fixture.consumerProps("static");
      propsA.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "a");
      var propsB = fixture.consumerProps("static");
      propsB.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "b");
      try (GroupConsumerWorker b = new GroupConsumerWorker(propsB, TOPIC)) {
        Set<TopicPartition> assignedToA;
        try (GroupConsumerWorker a = new GroupConsumerWorker(propsA, TOPIC)) {
          await()
              .atMost(Duration.ofSeconds(20))
              .until(() -> a.assignment.size() == 2 && b.assignment.size() == 2);
          assignedToA = a.assignment;
        }
        GroupSnapshot before = fixture.head.groupCoordinator().snapshot("static").orElseThrow();
        assertThat(before.members()).hasSize(2); // a static member's close does not leave
        try (GroupConsumerWorker again = new GroupConsumerWorker(propsA, TOPIC)) {
          await().atMost(Duration.ofSeconds(20)).until(() -> again.assignment.size() == 2);
          assertThat(again.assignment).isEqualTo(assignedToA);
          GroupSnapshot after = fixture.head.groupCoordinator().snapshot("static").orElseThrow();
          assertThat(after.generation()).isEqualTo(before.generation());
          assertThat(after.state()).isEqualTo(GroupState.STABLE);
        }
      }
    }
  }

  @Test
  void shouldServeTheAdminGroupApis() throws Exception {
    try (GroupHeadFixture fixture = new GroupHeadFixture(dir);
        Admin admin = Admin.create(fixture.adminProps())) {
      fixture.catalog.create(TOPIC, 2, Map.of());
      TopicPartition p0 = new TopicPartition(TOPIC, 0);
      fixture.offsets.commit("rocketmq-group", TOPIC, 0, 5).join();
      try (GroupConsumerWorker member =
          new GroupConsumerWorker(fixture.consumerProps("live"), TOPIC)) {
        await().atMost(Duration.ofSeconds(20)).until(() -> member.assignment.size() == 2);

        var listed = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get();
        assertThat(listed.stream().map(GroupListing::groupId)).contains("live", "rocketmq-group");

        ConsumerGroupDescription live =
            admin.describeConsumerGroups(List.of("live")).all().get().get("live");
        assertThat(live.groupState()).isEqualTo(org.apache.kafka.common.GroupState.STABLE);
        assertThat(live.members()).hasSize(1);
        assertThat(live.members().iterator().next().assignment().topicPartitions())
            .containsExactlyInAnyOrder(p0, new TopicPartition(TOPIC, 1));

        assertThatThrownBy(() -> admin.deleteConsumerGroups(List.of("live")).all().get())
            .isInstanceOf(ExecutionException.class)
            .hasCauseInstanceOf(GroupNotEmptyException.class);
      }
      admin
          .alterConsumerGroupOffsets("rocketmq-group", Map.of(p0, new OffsetAndMetadata(9)))
          .all()
          .get();
      assertThat(fixture.offsets.query("rocketmq-group", TOPIC, 0)).isEqualTo(9);
      assertThat(
              admin
                  .listConsumerGroupOffsets("rocketmq-group")
                  .partitionsToOffsetAndMetadata()
                  .get())
          .containsEntry(p0, new OffsetAndMetadata(9));

      admin.deleteConsumerGroups(List.of("rocketmq-group")).all().get();
      assertThat(fixture.offsets.query("rocketmq-group", TOPIC, 0)).isEqualTo(-1);
      assertThat(
              admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get().stream()
                  .map(GroupListing::groupId))
          .doesNotContain("rocketmq-group");
    }
  }
}
