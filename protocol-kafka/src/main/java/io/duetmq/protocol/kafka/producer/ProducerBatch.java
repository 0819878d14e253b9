package io.duetmq.protocol.kafka.producer;

import java.util.concurrent.CompletableFuture;

/**
 * One batch remembered for duplicate detection. Its outcome is a future because a retry can arrive
 * while the original append is still in flight; the retry then answers what the original gets.
 *
 * @param firstSequence base sequence
 * @param lastSequence sequence of its last record
 * @param outcome completes with the original append's outcome
 */
public record ProducerBatch(
    int firstSequence, int lastSequence, CompletableFuture<AppendOutcome> outcome) {}
