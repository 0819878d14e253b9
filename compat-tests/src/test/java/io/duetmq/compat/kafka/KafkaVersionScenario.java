package io.duetmq.compat.kafka;

import io.duetmq.compat.harness.Scenario;
import java.util.Map;
import org.apache.kafka.common.utils.AppInfoParser;

/** Reports the kafka-clients version it runs on and the loader that defined the library. */
public final class KafkaVersionScenario implements Scenario {
  @Override
  public Map<String, String> run(Map<String, String> params) {
    return Map.of(
        "version", AppInfoParser.getVersion(),
        "loader", String.valueOf(AppInfoParser.class.getClassLoader().getName()));
  }
}
