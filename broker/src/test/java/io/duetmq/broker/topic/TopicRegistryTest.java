package io.duetmq.broker.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.broker.config.BrokerConfigKeys;
import io.duetmq.broker.config.ConfigFileStore;
import io.duetmq.broker.config.MutableClock;
import io.duetmq.broker.config.RocketMqConfigFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicRegistryTest {
  @TempDir Path root;
  private final MutableClock clock = new MutableClock(1_000);
  private final List<String> deleted = new ArrayList<>();

  private TopicRegistry open(Map<String, String> properties) {
    return TopicRegistry.open(
        BrokerConfigKeys.fromProperties(properties),
        new ConfigFileStore(root),
        clock,
        deleted::add);
  }

  private TopicRegistry open() {
    return open(Map.of());
  }

  @Test
  void shouldCreateRocketMqsSystemTopicsAtFirstStart() {
    TopicRegistry registry = open(Map.of("brokerClusterName", "C", "brokerName", "b1"));

    assertThat(registry.get("TBW102")).isEqualTo(TopicConfig.of("TBW102", 8, 7));
    assertThat(registry.get("SCHEDULE_TOPIC_XXXX"))
        .isEqualTo(TopicConfig.of("SCHEDULE_TOPIC_XXXX", 18, 6));
    assertThat(registry.get("C")).isEqualTo(TopicConfig.of("C", 16, 7));
    assertThat(registry.get("b1")).isEqualTo(TopicConfig.of("b1", 1, 7));
    assertThat(registry.get("C_REPLY_TOPIC").queueNums()).isEqualTo(1);
    assertThat(registry.all())
        .extracting(TopicConfig::topicName)
        .contains(
            "SELF_TEST_TOPIC",
            "OFFSET_MOVED_EVENT",
            "RMQ_SYS_TRANS_HALF_TOPIC",
            "RMQ_SYS_TRANS_OP_HALF_TOPIC")
        .isSorted();
    assertThat(registry.dataVersion().counter()).isEqualTo(1);
    assertThat(root.resolve("config/topics.json")).exists();
  }

  @Test
  void shouldLeaveOutTbw102AndMakeNameTopicsInheritOnlyWhenDisabled() {
    TopicRegistry registry =
        open(
            Map.of(
                "autoCreateTopicEnable", "false",
                "clusterTopicEnable", "false",
                "brokerTopicEnable", "false"));

    assertThat(registry.get("TBW102")).isNull();
    assertThat(registry.get("DefaultCluster").perm()).isEqualTo(Permission.INHERIT);
    assertThat(registry.get("broker-a").perm()).isEqualTo(Permission.INHERIT);
  }

  @Test
  void shouldLoadARealRocketMqTopicsJsonAndKeepItsTopics() {
    RocketMqConfigFixture.copyInto(root, "topics.json");

    TopicRegistry registry =
        open(Map.of("brokerClusterName", "FixtureCluster", "brokerName", "broker-a"));

    assertThat(registry.get("FixtureTopic")).isEqualTo(TopicConfig.of("FixtureTopic", 4, 6));
    assertThat(registry.get("BenchmarkTest").queueNums()).isEqualTo(1024);
    assertThat(registry.get("rmq_sys_REVIVE_LOG_FixtureCluster").queueNums()).isEqualTo(8);
    assertThat(registry.dataVersion().counter()).isEqualTo(2);
    assertThat(root.resolve("config/topics.json.bak")).doesNotExist();
  }

  @Test
  void shouldPersistChangesAndBumpTheDataVersion() {
    TopicRegistry registry = open();
    long before = registry.dataVersion().counter();
    clock.advance(500);

    TopicResult created = registry.createOrUpdate(TopicConfig.of("Orders", 4, 6));
    TopicResult updated = registry.createOrUpdate(TopicConfig.of("Orders", 8, 6));
    TopicResult same = registry.createOrUpdate(TopicConfig.of("Orders", 8, 6));

    assertThat(created.status()).isEqualTo(TopicStatus.CREATED);
    assertThat(updated.status()).isEqualTo(TopicStatus.UPDATED);
    assertThat(same.status()).isEqualTo(TopicStatus.UNCHANGED);
    assertThat(registry.dataVersion().counter()).isEqualTo(before + 2);
    assertThat(registry.dataVersion().timestamp()).isEqualTo(1_500);
    TopicRegistry reopened = open();
    assertThat(reopened.get("Orders")).isEqualTo(TopicConfig.of("Orders", 8, 6));
    assertThat(reopened.dataVersion()).isEqualTo(registry.dataVersion());
  }

  @Test
  void shouldRefuseInvalidAndSystemNamesAsValues() {
    TopicRegistry registry = open();
    long before = registry.dataVersion().counter();

    TopicResult dotted = registry.createOrUpdate(TopicConfig.of("a.b", 4, 6));
    TopicResult tooLong = registry.createOrUpdate(TopicConfig.of("x".repeat(128), 4, 6));
    TopicResult system = registry.createOrUpdate(TopicConfig.of("SCHEDULE_TOPIC_XXXX", 4, 6));

    assertThat(dotted.status()).isEqualTo(TopicStatus.INVALID_NAME);
    assertThat(dotted.error()).contains("illegal characters");
    assertThat(tooLong.status()).isEqualTo(TopicStatus.INVALID_NAME);
    assertThat(system.status()).isEqualTo(TopicStatus.SYSTEM_TOPIC);
    assertThat(system.config()).isNull();
    assertThat(registry.get("SCHEDULE_TOPIC_XXXX").queueNums()).isEqualTo(18);
    assertThat(registry.dataVersion().counter()).isEqualTo(before);
  }

  @Test
  void shouldAutoCreateFromTbw102WithTheSmallerQueueCountAndWithoutInherit() {
    TopicRegistry registry = open();

    TopicResult four = registry.autoCreate("New4", "TBW102", 4);
    TopicResult capped = registry.autoCreate("New16", "TBW102", 16);
    TopicResult again = registry.autoCreate("New4", "TBW102", 2);

    assertThat(four.status()).isEqualTo(TopicStatus.CREATED);
    assertThat(four.config()).isEqualTo(TopicConfig.of("New4", 4, 6));
    assertThat(capped.config().queueNums()).isEqualTo(8);
    assertThat(again.status()).isEqualTo(TopicStatus.UNCHANGED);
    assertThat(again.config().queueNums()).isEqualTo(4);
  }

  @Test
  void shouldNotAutoCreateFromATopicWithoutTheInheritBit() {
    TopicRegistry registry = open();
    registry.createOrUpdate(TopicConfig.of("Template", 4, 6));

    TopicResult result = registry.autoCreate("New", "Template", 4);

    assertThat(result.status()).isEqualTo(TopicStatus.TOPIC_NOT_EXIST);
    assertThat(result.error()).isEqualTo("topic[New] not exist, apply first please!");
    assertThat(registry.autoCreate("New", "NoSuchDefault", 4).status())
        .isEqualTo(TopicStatus.TOPIC_NOT_EXIST);
    assertThat(registry.get("New")).isNull();
  }

  @Test
  void shouldNotAutoCreateFromALoadedTbw102WhenAutoCreationIsOff() {
    open().persist();
    TopicRegistry registry = open(Map.of("autoCreateTopicEnable", "false"));
    assertThat(registry.get("TBW102").isInheritable()).isTrue();

    assertThat(registry.autoCreate("New", "TBW102", 4).status())
        .isEqualTo(TopicStatus.TOPIC_NOT_EXIST);
  }

  @Test
  void shouldAutoCreateRetryTopicsWithOneQueueAndRefuseBadNames() {
    TopicRegistry registry = open(Map.of("autoCreateTopicEnable", "false"));

    assertThat(registry.autoCreate("%RETRY%cg", "TBW102", 4).config())
        .isEqualTo(TopicConfig.of("%RETRY%cg", 1, 6));
    assertThat(registry.autoCreate("bad topic", "TBW102", 4).status())
        .isEqualTo(TopicStatus.INVALID_NAME);
  }

  @Test
  void shouldCreateRetryAndDeadLetterTopicsOnce() {
    TopicRegistry registry = open();

    TopicResult retry = registry.createRetryTopic("cg");
    TopicResult retryAgain = registry.createRetryTopic("cg", 3);
    TopicResult wide = registry.createRetryTopic("cg2", 2);
    TopicResult dlq = registry.createDlqTopic("cg");

    assertThat(retry.config()).isEqualTo(TopicConfig.of("%RETRY%cg", 1, 6));
    assertThat(retryAgain.status()).isEqualTo(TopicStatus.UNCHANGED);
    assertThat(retryAgain.config().queueNums()).isEqualTo(1);
    assertThat(wide.config().queueNums()).isEqualTo(2);
    assertThat(dlq.config()).isEqualTo(TopicConfig.of("%DLQ%cg", 1, 6));
    assertThat(registry.createDlqTopic("c.g").status()).isEqualTo(TopicStatus.INVALID_NAME);
  }

  @Test
  void shouldTellListenersAboutNewTopicsOnlyOnce() {
    TopicRegistry registry = open();
    List<String> changed = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    registry.addListener(
        new TopicChangeListener() {
          @Override
          public void onTopicChanged(TopicConfig config) {
            changed.add(config.topicName());
          }

          @Override
          public void onTopicDeleted(String topic) {
            gone.add(topic);
          }
        });

    registry.autoCreate("A", "TBW102", 4);
    registry.autoCreate("A", "TBW102", 4);
    registry.createRetryTopic("g");
    registry.createOrUpdate(TopicConfig.of("B", 1, 6));
    registry.createOrUpdate(TopicConfig.of("B", 1, 6));
    registry.delete("A");

    assertThat(changed).containsExactly("A", "%RETRY%g", "B");
    assertThat(gone).containsExactly("A");
  }

  @Test
  void shouldDeleteTopicsAndTheirDataButNotSystemTopics() throws Exception {
    TopicRegistry registry = open();
    registry.createOrUpdate(TopicConfig.of("Doomed", 2, 6));

    TopicResult result = registry.delete("Doomed");
    TopicResult unknown = registry.delete("NeverExisted");
    TopicResult system = registry.delete("TBW102");

    assertThat(result.status()).isEqualTo(TopicStatus.DELETED);
    assertThat(unknown.status()).isEqualTo(TopicStatus.TOPIC_NOT_EXIST);
    assertThat(system.status()).isEqualTo(TopicStatus.SYSTEM_TOPIC);
    assertThat(deleted).containsExactly("Doomed", "NeverExisted");
    assertThat(open().get("Doomed")).isNull();
    assertThat(Files.readString(root.resolve("config/topics.json.bak"))).contains("Doomed");
  }
}
