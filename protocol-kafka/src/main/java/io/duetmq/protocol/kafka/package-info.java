/**
 * The Kafka head of DuetMQ: {@link io.duetmq.protocol.kafka.KafkaHead}, the composition root that
 * wires the store ports, the topic catalog and this broker's identity into one handler per API key
 * ({@code .handler}) behind the Netty listener ({@code .server}), using the hand-written codec
 * ({@code .codec}).
 */
package io.duetmq.protocol.kafka;
