package io.duetmq.protocol.kafka.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaServerConfigTest {

  @Test
  void shouldDefaultToKafkasOwnLimits() {
    KafkaServerConfig config = KafkaServerConfig.defaults();
    assertThat(config.port()).isEqualTo(9092);
    assertThat(config.maxRequestBytes()).isEqualTo(104_857_600);
    assertThat(config.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.bindHost()).isEqualTo("0.0.0.0");
  }

  @Test
  void shouldReadKeysAndRejectBadValuesNamingThem() {
    KafkaServerConfig config =
        KafkaServerConfig.fromProperties(
            Map.of(
                "kafka.port", "0", "socket.request.max.bytes", "1024", "num.network.threads", "1"));
    assertThat(config.port()).isZero();
    assertThat(config.maxRequestBytes()).isEqualTo(1024);
    assertThatThrownBy(() -> KafkaServerConfig.fromProperties(Map.of("kafka.port", "x")))
        .hasMessageContaining("kafka.port")
        .hasMessageContaining("'x'");
    assertThatThrownBy(() -> KafkaServerConfig.fromProperties(Map.of("kafka.port", "70000")))
        .hasMessageContaining("70000");
    assertThatThrownBy(() -> KafkaServerConfig.fromProperties(Map.of("num.network.threads", "0")))
        .hasMessageContaining("io threads");
  }
}
