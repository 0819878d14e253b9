package io.duetmq.protocol.kafka.group;

/**
 * Group coordinator settings, named after Kafka's broker properties.
 *
 * @param initialRebalanceDelayMs {@code group.initial.rebalance.delay.ms} (3000): how long the
 *     first rebalance of an empty group waits for more members (extended per joiner, up to the
 *     rebalance timeout)
 * @param minSessionTimeoutMs {@code group.min.session.timeout.ms} (6000)
 * @param maxSessionTimeoutMs {@code group.max.session.timeout.ms} (1800000)
 * @param maxSize {@code group.max.size} (unbounded)
 * @param offsetMetadataMaxBytes {@code offset.metadata.max.bytes} (4096)
 */
public record GroupConfig(
    long initialRebalanceDelayMs,
    int minSessionTimeoutMs,
    int maxSessionTimeoutMs,
    int maxSize,
    int offsetMetadataMaxBytes) {

  public static final GroupConfig DEFAULTS =
      new GroupConfig(3000, 6000, 1_800_000, Integer.MAX_VALUE, 4096);

  public GroupConfig {
    if (initialRebalanceDelayMs < 0) {
      throw new IllegalArgumentException(
          "group.initial.rebalance.delay.ms must be >= 0, got " + initialRebalanceDelayMs);
    }
    if (minSessionTimeoutMs < 1 || maxSessionTimeoutMs < minSessionTimeoutMs) {
      throw new IllegalArgumentException(
          "bad session timeout bounds: min "
              + minSessionTimeoutMs
              + ", max "
              + maxSessionTimeoutMs);
    }
    if (maxSize < 1 || offsetMetadataMaxBytes < 0) {
      throw new IllegalArgumentException(
          "group.max.size " + maxSize + " / offset.metadata.max.bytes " + offsetMetadataMaxBytes);
    }
  }
}
