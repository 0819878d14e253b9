/**
 * Idempotent-producer state (reference §5): producer-id allocation that never repeats, the
 * per-partition sequence checks with a cache of each producer's last five batches, and the rebuild
 * of that state from the log at start-up.
 */
package io.duetmq.protocol.kafka.producer;
