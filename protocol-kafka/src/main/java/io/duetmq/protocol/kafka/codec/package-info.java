/**
 * Pure byte-to-value codecs for the Kafka protocol: the primitive reader/writer pair, request and
 * response headers, the table of implemented API versions, and one codec per message. Nothing here
 * touches the engine or a Netty channel.
 */
package io.duetmq.protocol.kafka.codec;
