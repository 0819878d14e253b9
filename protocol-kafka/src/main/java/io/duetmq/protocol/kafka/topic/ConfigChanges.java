package io.duetmq.protocol.kafka.topic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies IncrementalAlterConfigs changes (SET, DELETE, APPEND, SUBTRACT) to a map of topic config
 * overrides, validating names and values with {@link TopicConfigKeys}. Stateless.
 */
public final class ConfigChanges {
  private ConfigChanges() {}

  /**
   * Applies {@code changes} in order to {@code configs}; returns the first reason one is invalid.
   */
  public static String applyAll(Map<String, String> configs, List<ConfigChange> changes) {
    for (ConfigChange change : changes) {
      String reason = apply(configs, change);
      if (reason != null) {
        return reason;
      }
    }
    return null;
  }

  /** Applies one change to {@code configs}; returns why it is invalid, or null. */
  public static String apply(Map<String, String> configs, ConfigChange change) {
    TopicConfigKeys.Key key = TopicConfigKeys.find(change.name());
    if (key == null) {
      return "Unknown topic config name: " + change.name();
    }
    switch (change.operation()) {
      case DELETE -> {
        configs.remove(change.name());
        return null;
      }
      case SET -> {
        String reason = TopicConfigKeys.invalidReason(change.name(), change.value());
        if (reason == null) {
          configs.put(change.name(), change.value());
        }
        return reason;
      }
      default -> {
        if (key.type() != TopicConfigKeys.Type.LIST) {
          return "Config value append/subtract is not allowed for non-list config " + change.name();
        }
        String current = configs.getOrDefault(change.name(), key.defaultValue());
        Set<String> items = new LinkedHashSet<>();
        if (!current.isEmpty()) {
          items.addAll(Arrays.asList(current.split(",")));
        }
        List<String> given =
            change.value() == null ? List.of() : Arrays.asList(change.value().split(","));
        if (change.operation() == ConfigChange.Operation.APPEND) {
          items.addAll(given);
        } else {
          items.removeAll(given);
        }
        String joined = String.join(",", new ArrayList<>(items));
        String reason = TopicConfigKeys.invalidReason(change.name(), joined);
        if (reason == null) {
          configs.put(change.name(), joined);
        }
        return reason;
      }
    }
  }
}
