/**
 * The Kafka wire protocol head of DuetMQ: a hand-written codec ({@code .codec}), a Netty server
 * ({@code .server}) and one handler per API key ({@code .handler}).
 */
package io.duetmq.protocol.kafka;
