package io.duetmq.broker.poll;

/**
 * The current exclusive max logical offset of a queue ({@code QueueReader::maxOffset} fits). Must
 * be thread-safe and non-blocking.
 */
@FunctionalInterface
public interface MaxOffsetLookup {
  long maxOffset(String topic, int queueId);
}
