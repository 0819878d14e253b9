/**
 * Kafka's classic consumer groups on a single broker: the group coordinator (membership state
 * machine, timers), committed offsets kept in the broker's one consumer-offset store (shared with
 * RocketMQ groups) through the {@link io.duetmq.protocol.kafka.group.GroupOffsets} port.
 */
package io.duetmq.protocol.kafka.group;
