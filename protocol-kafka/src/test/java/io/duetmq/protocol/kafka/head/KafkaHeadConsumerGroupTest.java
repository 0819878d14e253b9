package io.duetmq.protocol.kafka.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.duetmq.protocol.kafka.group.GroupSnapshot;
import io.duetmq.protocol.kafka.group.GroupState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.consumer.RoundRobinAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Real kafka-clients 4.1 consumers in groups against the head (classic protocol). */
class KafkaHeadConsumerGroupTest {
  private static final String TOPIC = "grouped";
  private static final int PARTITIONS = 6;

  @TempDir Path dir;

  static Stream<String> assignors() {
    return Stream.of(
        RangeAssignor.class.getName(),
        RoundRobinAssignor.class.getName(),
        CooperativeStickyAssignor.class.getName());
  }

  private static void produce(GroupHeadFixture fixture, int from, int count) {
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(fixture.producerProps())) {
      for (int i = from; i < from + count; i++) {
        producer.send(
            new ProducerRecord<>(TOPIC, i % PARTITIONS, null, Integer.toString(i).getBytes()));
      }
      producer.flush();
    }
  }

  private static Properties props(GroupHeadFixture fixture, String group, String assignor) {
    Properties p = fixture.consumerProps(group);
    p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, assignor);
    return p;
  }

  private static void awaitStable(GroupHeadFixture fixture, String group, int members) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              GroupSnapshot s = fixture.head.groupCoordinator().snapshot(group).orElse(null);
              return s != null && s.state() == GroupState.STABLE && s.members().size() == members;
            });
  }

  private static List<String> all(List<GroupConsumerWorker> workers) {
    List<String> all = new ArrayList<>();
    workers.forEach(w -> all.addAll(w.received));
    return all;
  }

  @ParameterizedTest
  @MethodSource("assignors")
  void shouldSharePartitionsAmongThreeConsumersWithoutLossOrDuplicates(String assignor)
      throws Exception {
    int records = 30_000;
    try (GroupHeadFixture fixture = new GroupHeadFixture(dir)) {
      fixture.catalog.create(TOPIC, PARTITIONS, Map.of());
      List<GroupConsumerWorker> workers = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          workers.add(new GroupConsumerWorker(props(fixture, "g3", assignor), TOPIC));
        }
        awaitStable(fixture, "g3", 3);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> workers.stream().allMatch(w -> w.assignment.size() == 2));
        produce(fixture, 0, records);
        await().atMost(Duration.ofSeconds(60)).until(() -> all(workers).size() >= records);
      } finally {
        for (GroupConsumerWorker w : workers) {
          w.close();
        }
      }
      List<String> all = all(workers);
      assertThat(all).hasSize(records).doesNotHaveDuplicates();
      assertThat(workers).allSatisfy(w -> assertThat(w.received).hasSize(records / 3));
      assertThat(fixture.offsets.queryAll("g3").get(TOPIC))
          .containsOnlyKeys(0, 1, 2, 3, 4, 5)
          .allSatisfy((p, offset) -> assertThat(offset).isEqualTo(records / PARTITIONS));
    }
  }

  @Test
  void shouldRebalanceWhenAConsumerJoinsAndAnotherLeavesWithDuplicatesOnlyFromUncommitted()
      throws Exception {
    int half = 10_000;
    try (GroupHeadFixture fixture = new GroupHeadFixture(dir)) {
      fixture.catalog.create(TOPIC, PARTITIONS, Map.of());
      String assignor = RangeAssignor.class.getName();
      List<GroupConsumerWorker> workers = new ArrayList<>();
      try {
        workers.add(new GroupConsumerWorker(props(fixture, "g", assignor), TOPIC));
        workers.add(new GroupConsumerWorker(props(fixture, "g", assignor), TOPIC));
        awaitStable(fixture, "g", 2);
        produce(fixture, 0, half);
        await().atMost(Duration.ofSeconds(60)).until(() -> all(workers).size() >= half / 4);
        workers.add(new GroupConsumerWorker(props(fixture, "g", assignor), TOPIC));
        awaitStable(fixture, "g", 3);
        GroupConsumerWorker leaving = workers.get(0);
        produce(fixture, half, half);
        leaving.stopWithoutCommit();
        await().atMost(Duration.ofSeconds(60)).until(() -> !leaving.isAlive());
        awaitStable(fixture, "g", 2);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> new HashSet<>(all(workers)).size() >= 2 * half);
      } finally {
        for (GroupConsumerWorker w : workers) {
          w.close();
        }
      }
      List<String> all = all(workers);
      Set<String> unique = new HashSet<>(all);
      assertThat(unique).hasSize(2 * half);
      Map<String, Integer> counts = new HashMap<>();
      all.forEach(r -> counts.merge(r, 1, Integer::sum));
      Set<String> duplicated = new HashSet<>();
      counts.forEach(
          (r, n) -> {
            if (n > 1) {
              duplicated.add(r);
            }
          });
      assertThat(workers.get(0).uncommitted).containsAll(duplicated);
      assertThat(workers.get(2).received).isNotEmpty();
    }
  }
}
