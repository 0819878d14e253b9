/**
 * The read side of the Kafka head: stored batches read back as zero-copy buffers, and the long-poll
 * service that parks fetches until data arrives or their wait expires.
 */
package io.duetmq.protocol.kafka.fetch;
