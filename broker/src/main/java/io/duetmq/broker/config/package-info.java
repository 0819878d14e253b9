/**
 * Broker-level settings ({@code broker.conf} keys shared with Apache RocketMQ) and the atomic,
 * backed-up JSON files under {@code <storeRoot>/config/} that hold topics, groups and offsets.
 */
package io.duetmq.broker.config;
