package io.duetmq.protocol.kafka.topic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The standard Kafka topic configs (names, defaults, types), so that CreateTopics and
 * IncrementalAlterConfigs can refuse unknown names and malformed values ({@code INVALID_CONFIG})
 * and DescribeConfigs can list every entry with its source. Kafka Streams reads {@code
 * cleanup.policy} and {@code retention.ms} of its internal topics, so every standard name must be
 * describable even where DuetMQ does not act on it yet (only {@code max.message.bytes}, {@code
 * message.timestamp.type} and the timestamp bounds change behaviour today).
 *
 * <p>Immutable and thread-safe.
 */
public final class TopicConfigKeys {
  public static final String MAX_MESSAGE_BYTES = "max.message.bytes";
  public static final String MESSAGE_TIMESTAMP_TYPE = "message.timestamp.type";
  public static final String MESSAGE_TIMESTAMP_AFTER_MAX_MS = "message.timestamp.after.max.ms";
  public static final String MESSAGE_TIMESTAMP_BEFORE_MAX_MS = "message.timestamp.before.max.ms";
  public static final String CLEANUP_POLICY = "cleanup.policy";
  public static final String RETENTION_MS = "retention.ms";

  /** Kafka's {@code ConfigType} values used in DescribeConfigs v3+. */
  public enum Type {
    UNKNOWN,
    BOOLEAN,
    STRING,
    INT,
    SHORT,
    LONG,
    DOUBLE,
    LIST;

    /** The wire value. */
    public byte id() {
      return (byte) ordinal();
    }
  }

  /**
   * One topic config.
   *
   * @param name config name
   * @param defaultValue Kafka's default
   * @param type value type
   * @param allowed the allowed values (list elements for LIST), empty = any value of the type
   */
  public record Key(String name, String defaultValue, Type type, Set<String> allowed) {}

  private static final String LONG_MAX = Long.toString(Long.MAX_VALUE);
  private static final Map<String, Key> KEYS = new LinkedHashMap<>();

  static {
    add(CLEANUP_POLICY, "delete", Type.LIST, Set.of("delete", "compact"));
    add(
        "compression.type",
        "producer",
        Type.STRING,
        Set.of("uncompressed", "zstd", "lz4", "snappy", "gzip", "producer"));
    add("compression.gzip.level", "-1", Type.INT, Set.of());
    add("compression.lz4.level", "9", Type.INT, Set.of());
    add("compression.zstd.level", "3", Type.INT, Set.of());
    add("delete.retention.ms", "86400000", Type.LONG, Set.of());
    add("file.delete.delay.ms", "60000", Type.LONG, Set.of());
    add("flush.messages", LONG_MAX, Type.LONG, Set.of());
    add("flush.ms", LONG_MAX, Type.LONG, Set.of());
    add("follower.replication.throttled.replicas", "", Type.LIST, Set.of());
    add("index.interval.bytes", "4096", Type.INT, Set.of());
    add("leader.replication.throttled.replicas", "", Type.LIST, Set.of());
    add("local.retention.bytes", "-2", Type.LONG, Set.of());
    add("local.retention.ms", "-2", Type.LONG, Set.of());
    add("max.compaction.lag.ms", LONG_MAX, Type.LONG, Set.of());
    add(MAX_MESSAGE_BYTES, "1048588", Type.INT, Set.of());
    add(MESSAGE_TIMESTAMP_AFTER_MAX_MS, "3600000", Type.LONG, Set.of());
    add(MESSAGE_TIMESTAMP_BEFORE_MAX_MS, LONG_MAX, Type.LONG, Set.of());
    add(MESSAGE_TIMESTAMP_TYPE, "CreateTime", Type.STRING, Set.of("CreateTime", "LogAppendTime"));
    add("min.cleanable.dirty.ratio", "0.5", Type.DOUBLE, Set.of());
    add("min.compaction.lag.ms", "0", Type.LONG, Set.of());
    add("min.insync.replicas", "1", Type.INT, Set.of());
    add("preallocate", "false", Type.BOOLEAN, Set.of());
    add("remote.storage.enable", "false", Type.BOOLEAN, Set.of());
    add("remote.log.copy.disable", "false", Type.BOOLEAN, Set.of());
    add("remote.log.delete.on.disable", "false", Type.BOOLEAN, Set.of());
    add("retention.bytes", "-1", Type.LONG, Set.of());
    add(RETENTION_MS, "604800000", Type.LONG, Set.of());
    add("segment.bytes", "1073741824", Type.INT, Set.of());
    add("segment.index.bytes", "10485760", Type.INT, Set.of());
    add("segment.jitter.ms", "0", Type.LONG, Set.of());
    add("segment.ms", "604800000", Type.LONG, Set.of());
    add("unclean.leader.election.enable", "false", Type.BOOLEAN, Set.of());
  }

  private TopicConfigKeys() {}

  private static void add(String name, String defaultValue, Type type, Set<String> allowed) {
    KEYS.put(name, new Key(name, defaultValue, type, allowed));
  }

  /** Every known key, in a stable order. */
  public static List<Key> all() {
    return List.copyOf(KEYS.values());
  }

  /** The key named {@code name}, or null. */
  public static Key find(String name) {
    return KEYS.get(name);
  }

  /** The default of a known key; throws for an unknown one. */
  public static String defaultValue(String name) {
    Key key = KEYS.get(name);
    if (key == null) {
      throw new IllegalArgumentException("unknown topic config " + name);
    }
    return key.defaultValue();
  }

  /**
   * Why {@code value} is not acceptable for config {@code name}, or null if it is. Unknown names
   * are refused.
   */
  public static String invalidReason(String name, String value) {
    Key key = KEYS.get(name);
    if (key == null) {
      return "Unknown topic config name: " + name;
    }
    if (value == null) {
      return "Null value not supported for topic config " + name;
    }
    try {
      switch (key.type()) {
        case INT -> Integer.parseInt(value.trim());
        case LONG -> Long.parseLong(value.trim());
        case DOUBLE -> Double.parseDouble(value.trim());
        case BOOLEAN -> {
          if (!value.trim().equalsIgnoreCase("true") && !value.trim().equalsIgnoreCase("false")) {
            return "Invalid value " + value + " for configuration " + name + ": expected boolean";
          }
        }
        default -> {}
      }
    } catch (NumberFormatException e) {
      return "Invalid value " + value + " for configuration " + name + ": not a " + key.type();
    }
    if (!key.allowed().isEmpty()) {
      List<String> parts = key.type() == Type.LIST ? List.of(value.split(",", -1)) : List.of(value);
      for (String part : parts) {
        if (!key.allowed().contains(part.trim())) {
          return "Invalid value "
              + value
              + " for configuration "
              + name
              + ": allowed "
              + key.allowed();
        }
      }
    }
    if (name.equals(MAX_MESSAGE_BYTES) && Integer.parseInt(value.trim()) < 0) {
      return "Invalid value " + value + " for configuration " + name + ": must be >= 0";
    }
    return null;
  }

  /** The first invalid entry of {@code configs}, or null if all are acceptable. */
  public static String invalidReason(Map<String, String> configs) {
    for (Map.Entry<String, String> e : configs.entrySet()) {
      String reason = invalidReason(e.getKey(), e.getValue());
      if (reason != null) {
        return reason;
      }
    }
    return null;
  }
}
