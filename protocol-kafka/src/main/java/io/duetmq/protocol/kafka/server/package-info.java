/**
 * The Netty side of the Kafka head: framing, per-connection request dispatch and in-order response
 * writing. Netty types stay in this package; handlers never see a channel or its context.
 */
package io.duetmq.protocol.kafka.server;
