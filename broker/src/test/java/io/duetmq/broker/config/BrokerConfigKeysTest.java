package io.duetmq.broker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BrokerConfigKeysTest {

  @Test
  void shouldUseRocketMqDefaultsWhenNothingIsConfigured() {
    BrokerConfig config = BrokerConfig.defaults();

    assertThat(config.brokerClusterName()).isEqualTo("DefaultCluster");
    assertThat(config.brokerName()).isEqualTo("broker-a");
    assertThat(config.brokerId()).isZero();
    assertThat(config.brokerRole()).isEqualTo(BrokerRole.ASYNC_MASTER);
    assertThat(config.listenPort()).isEqualTo(10911);
    assertThat(config.kafkaPort()).isEqualTo(9092);
    assertThat(config.brokerPermission()).isEqualTo(6);
    assertThat(config.autoCreateTopicEnable()).isTrue();
    assertThat(config.autoCreateSubscriptionGroup()).isTrue();
    assertThat(config.defaultTopicQueueNums()).isEqualTo(8);
    assertThat(config.maxReconsumeTimes()).isEqualTo(16);
    assertThat(config.channelExpiredTimeoutMillis()).isEqualTo(120_000);
    assertThat(config.flushConsumerOffsetIntervalMillis()).isEqualTo(5_000);
    assertThat(config.namesrvAddresses()).isEmpty();
    assertThat(config.brokerAddress()).isEqualTo("127.0.0.1:10911");
  }

  @Test
  void shouldReadEveryKeyOfTheTable() {
    Map<String, String> properties =
        Map.ofEntries(
            Map.entry("brokerClusterName", "C1"),
            Map.entry("brokerName", "broker-b"),
            Map.entry("brokerId", "2"),
            Map.entry("brokerRole", "SLAVE"),
            Map.entry("namesrvAddr", "10.0.0.1:9876; 10.0.0.2:9876"),
            Map.entry("brokerIP1", "10.0.0.5"),
            Map.entry("listenPort", "20911"),
            Map.entry("kafkaPort", "19092"),
            Map.entry("brokerPermission", "4"),
            Map.entry("autoCreateTopicEnable", "false"),
            Map.entry("autoCreateSubscriptionGroup", "FALSE"),
            Map.entry("defaultTopicQueueNums", "4"),
            Map.entry("clusterTopicEnable", "false"),
            Map.entry("brokerTopicEnable", "false"),
            Map.entry("maxReconsumeTimes", "3"),
            Map.entry("channelExpiredTimeout", "60000"),
            Map.entry("notifyConsumerIdsChangedEnable", "false"),
            Map.entry("flushConsumerOffsetInterval", "1000"),
            Map.entry("someOtherModulesKey", "ignored"));

    BrokerConfig config = BrokerConfigKeys.fromProperties(properties);

    assertThat(config)
        .isEqualTo(
            new BrokerConfig(
                "C1",
                "broker-b",
                2,
                BrokerRole.SLAVE,
                "10.0.0.1:9876; 10.0.0.2:9876",
                "10.0.0.5",
                20911,
                19092,
                4,
                false,
                false,
                4,
                false,
                false,
                3,
                60_000,
                false,
                1_000));
    assertThat(config.namesrvAddresses()).containsExactly("10.0.0.1:9876", "10.0.0.2:9876");
  }

  @Test
  void shouldListEveryKeyOnceWithADoc() {
    Set<String> names = new HashSet<>();
    for (BrokerConfigKeys.Key key : BrokerConfigKeys.KEYS) {
      assertThat(names.add(key.name())).as("duplicate key %s", key.name()).isTrue();
      assertThat(key.doc()).isNotBlank();
    }
    assertThat(names).hasSize(BrokerConfig.class.getRecordComponents().length);
  }

  @Test
  void shouldRejectANumberWithTrailingSpaceThatRocketMqWouldSilentlyIgnore() {
    assertThatThrownBy(() -> BrokerConfigKeys.fromProperties(Map.of("listenPort", "10911 ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("listenPort")
        .hasMessageContaining("whitespace");
  }

  @Test
  void shouldRejectMalformedValuesNamingTheKey() {
    assertThatThrownBy(() -> BrokerConfigKeys.fromProperties(Map.of("listenPort", "x")))
        .hasMessageContaining("listenPort = 'x'");
    assertThatThrownBy(() -> BrokerConfigKeys.fromProperties(Map.of("autoCreateTopicEnable", "1")))
        .hasMessageContaining("autoCreateTopicEnable = '1'");
    assertThatThrownBy(() -> BrokerConfigKeys.fromProperties(Map.of("brokerRole", "MASTER")))
        .hasMessageContaining("brokerRole = 'MASTER'");
    assertThatThrownBy(() -> BrokerConfigKeys.fromProperties(Map.of("namesrvAddr", "host")))
        .hasMessageContaining("'host' is not host:port");
    assertThatThrownBy(() -> BrokerConfigKeys.fromProperties(Map.of("brokerPermission", "8")))
        .hasMessageContaining("brokerPermission = 8");
    assertThatThrownBy(() -> BrokerConfigKeys.fromProperties(Map.of("kafkaPort", "70000")))
        .hasMessageContaining("kafkaPort = 70000");
  }

  @Test
  void shouldRejectRoleAndIdThatContradictEachOther() {
    assertThatThrownBy(() -> BrokerConfigKeys.fromProperties(Map.of("brokerId", "1")))
        .hasMessageContaining("a master's id is 0");
    assertThatThrownBy(() -> BrokerConfigKeys.fromProperties(Map.of("brokerRole", "SLAVE")))
        .hasMessageContaining("SLAVE's id must be >= 1");
  }

  @Test
  void shouldRejectClusterAndBrokerNamesThatCannotBeTopics() {
    assertThatThrownBy(() -> BrokerConfigKeys.fromProperties(Map.of("brokerName", "broker.a")))
        .hasMessageContaining("brokerName = 'broker.a'");
    assertThatThrownBy(
            () -> BrokerConfigKeys.fromProperties(Map.of("brokerClusterName", "x".repeat(128))))
        .hasMessageContaining("brokerClusterName");
  }
}
