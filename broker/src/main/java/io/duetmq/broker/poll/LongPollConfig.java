package io.duetmq.broker.poll;

/**
 * Limits of the long-poll service.
 *
 * @param maxHeldPerQueue most requests held on one queue ({@code longPollMaxHeldPerQueue})
 * @param maxHeldTotal most requests held in total ({@code longPollMaxHeldTotal})
 */
public record LongPollConfig(int maxHeldPerQueue, int maxHeldTotal) {
  public static final int DEFAULT_MAX_HELD_PER_QUEUE = 1_024;
  public static final int DEFAULT_MAX_HELD_TOTAL = 100_000;

  public LongPollConfig {
    if (maxHeldPerQueue < 1) {
      throw new IllegalArgumentException("longPollMaxHeldPerQueue " + maxHeldPerQueue + " < 1");
    }
    if (maxHeldTotal < 1) {
      throw new IllegalArgumentException("longPollMaxHeldTotal " + maxHeldTotal + " < 1");
    }
  }

  public static LongPollConfig defaults() {
    return new LongPollConfig(DEFAULT_MAX_HELD_PER_QUEUE, DEFAULT_MAX_HELD_TOTAL);
  }
}
