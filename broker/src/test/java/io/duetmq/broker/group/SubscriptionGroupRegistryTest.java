package io.duetmq.broker.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.broker.config.BrokerConfigKeys;
import io.duetmq.broker.config.ConfigFileStore;
import io.duetmq.broker.config.DataVersion;
import io.duetmq.broker.config.MutableClock;
import io.duetmq.broker.config.RocketMqConfigFixture;
import io.duetmq.broker.json.JsonObject;
import io.duetmq.broker.json.JsonReader;
import io.duetmq.broker.json.JsonString;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriptionGroupRegistryTest {
  @TempDir Path root;
  private final MutableClock clock = new MutableClock(5_000);

  private SubscriptionGroupRegistry open(Map<String, String> properties) {
    return SubscriptionGroupRegistry.open(
        BrokerConfigKeys.fromProperties(properties), new ConfigFileStore(root), clock);
  }

  @Test
  void shouldReadTheSubscriptionGroupJsonOfARealRocketMqBroker() {
    JsonObject root =
        (JsonObject) JsonReader.parse(RocketMqConfigFixture.text("subscriptionGroup.json"));

    SubscriptionGroupCodec.GroupTable table = SubscriptionGroupCodec.decodeTable(root, 16, clock);

    assertThat(table.dataVersion()).isEqualTo(new DataVersion(0, 0, 1795597803597L));
    assertThat(table.groups().keySet())
        .containsExactlyInAnyOrderElementsOf(SubscriptionGroupRegistry.BUILT_IN_GROUPS);
    assertThat(table.groups().get("TOOLS_CONSUMER"))
        .isEqualTo(SubscriptionGroupConfig.defaults("TOOLS_CONSUMER", 16));
  }

  @Test
  void shouldWriteWhatItReads() {
    SubscriptionGroupConfig custom =
        new SubscriptionGroupConfig(
            "G",
            false,
            false,
            false,
            2,
            3,
            1,
            2,
            false,
            4,
            true,
            30,
            Map.of("k", "v"),
            new JsonObject(Map.of("type", new JsonString("EXPONENTIAL"))));

    String json =
        SubscriptionGroupCodec.encodeTable(
            new DataVersion(1, 0, 2), JsonObject.EMPTY, List.of(custom));
    SubscriptionGroupCodec.GroupTable table =
        SubscriptionGroupCodec.decodeTable((JsonObject) JsonReader.parse(json), 16, clock);

    assertThat(table.groups()).containsExactly(Map.entry("G", custom));
    assertThat(SubscriptionGroupCodec.toJson(SubscriptionGroupConfig.defaults("G", 16)))
        .isEqualTo(
            "{\"attributes\":{},\"brokerId\":0,\"consumeBroadcastEnable\":true,"
                + "\"consumeEnable\":true,\"consumeFromMinEnable\":true,"
                + "\"consumeMessageOrderly\":false,\"consumeTimeoutMinute\":15,\"groupName\":\"G\","
                + "\"groupRetryPolicy\":{\"type\":\"CUSTOMIZED\"},\"groupSysFlag\":0,"
                + "\"notifyConsumerIdsChangedEnable\":true,\"retryMaxTimes\":16,"
                + "\"retryQueueNums\":1,\"whichBrokerWhenConsumeSlowly\":1}");
  }

  @Test
  void shouldLoadTheFixtureAndKeepItsGroups() {
    RocketMqConfigFixture.copyInto(root, "subscriptionGroup.json");

    SubscriptionGroupRegistry registry = open(Map.of());

    assertThat(registry.all()).hasSize(8);
    assertThat(registry.dataVersion().counter()).isZero();
  }

  @Test
  void shouldAutoCreateGroupsOnFirstUseOnlyWhenAllowed() {
    SubscriptionGroupRegistry on = open(Map.of("maxReconsumeTimes", "5"));
    SubscriptionGroupConfig created = on.findOrCreate("cg");

    assertThat(created).isEqualTo(SubscriptionGroupConfig.defaults("cg", 5));
    assertThat(on.findOrCreate("cg")).isSameAs(created);

    SubscriptionGroupRegistry off = open(Map.of("autoCreateSubscriptionGroup", "false"));
    assertThat(off.get("cg")).isEqualTo(created);
    assertThat(off.findOrCreate("other")).isNull();
    assertThat(off.findOrCreate("CID_RMQ_SYS_X")).isNotNull();
  }

  @Test
  void shouldPersistUpdatesAndDeletesWithANewDataVersion() {
    SubscriptionGroupRegistry registry = open(Map.of());
    long before = registry.dataVersion().counter();
    SubscriptionGroupConfig orderly =
        new SubscriptionGroupConfig(
            "G", true, false, false, 1, 16, 0, 1, false, 0, true, 15, Map.of(), null);

    assertThat(registry.createOrUpdate(orderly)).isTrue();
    assertThat(registry.createOrUpdate(orderly)).isFalse();
    assertThat(registry.notifyEnabled("G")).isFalse();
    assertThat(registry.notifyEnabled("unknown")).isTrue();
    assertThat(open(Map.of()).get("G")).isEqualTo(orderly);

    assertThat(registry.delete("G")).isTrue();
    assertThat(registry.delete("G")).isFalse();
    assertThat(registry.dataVersion().counter()).isEqualTo(before + 2);
    assertThat(open(Map.of()).get("G")).isNull();
  }

  @Test
  void shouldHonourTheBrokerWideNotifySwitch() {
    SubscriptionGroupRegistry registry = open(Map.of("notifyConsumerIdsChangedEnable", "false"));

    assertThat(registry.notifyEnabled("TOOLS_CONSUMER")).isFalse();
  }
}
