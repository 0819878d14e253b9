/**
 * Topics: their configuration (queue counts, permission, filter type), name rules and system
 * topics, and the registry that persists them as RocketMQ's {@code config/topics.json} and creates
 * topics on demand (auto-creation from TBW102, retry and dead-letter topics).
 */
package io.duetmq.broker.topic;
