/**
 * Kafka client scenarios (compiled against the newest kafka-clients, run on every version) and the
 * tests that run them against a standalone DuetMQ, plus checks of non-Java Kafka tools (kcat).
 */
package io.duetmq.compat.kafka;
