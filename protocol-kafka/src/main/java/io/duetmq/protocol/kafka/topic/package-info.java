/**
 * Topic metadata as the Kafka head sees it: the {@link KafkaTopicCatalog} port the engine
 * implements, the topic config table, topic-name rules, this broker's identity, and the Metadata
 * source computed from the catalog.
 */
package io.duetmq.protocol.kafka.topic;
