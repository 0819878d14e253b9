/**
 * Kafka record batches (message format v2) as bytes: the header layout, a flyweight over one batch,
 * the validator that checks a Produce payload batch by batch without touching individual records,
 * and the patcher that writes broker-assigned fields at append time.
 */
package io.duetmq.protocol.kafka.record;
