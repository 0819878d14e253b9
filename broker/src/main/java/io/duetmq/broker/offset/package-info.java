/**
 * The one consumer-offset store of both protocols: committed positions per (group, topic, queue),
 * made durable by a write-ahead journal in the commit log and periodic snapshots in RocketMQ's
 * {@code config/consumerOffset.json}.
 */
package io.duetmq.broker.offset;
