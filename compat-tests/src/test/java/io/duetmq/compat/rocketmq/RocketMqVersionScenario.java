package io.duetmq.compat.rocketmq;

import io.duetmq.compat.harness.Scenario;
import java.util.Map;
import org.apache.rocketmq.common.MQVersion;

/**
 * Reports the RocketMQ version it runs on ({@code V4_9_8} style) and the loader that defined the
 * library. {@code CURRENT_VERSION} is computed at class initialisation, not a compile-time
 * constant, so it is read from the loaded version and not baked in from the compile-time one.
 */
public final class RocketMqVersionScenario implements Scenario {
  @Override
  public Map<String, String> run(Map<String, String> params) {
    return Map.of(
        "version", MQVersion.getVersionDesc(MQVersion.CURRENT_VERSION),
        "loader", String.valueOf(MQVersion.class.getClassLoader().getName()));
  }
}
