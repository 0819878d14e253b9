package io.duetmq.broker.delay;

import java.util.Objects;

/**
 * Settings of delayed delivery.
 *
 * @param levels the delay of each level ({@code messageDelayLevel})
 * @param deliverBatchSize most messages one level delivers per tick before the offsets are saved
 *     ({@code scheduleDeliverBatchSize}, DuetMQ); bounds what a crash can deliver twice
 * @param retryBackoffMillis wait before retrying a level whose re-put failed transiently (store
 *     unavailable)
 */
public record ScheduleConfig(DelayLevels levels, int deliverBatchSize, long retryBackoffMillis) {
  public static final int DEFAULT_DELIVER_BATCH_SIZE = 32;
  public static final long DEFAULT_RETRY_BACKOFF_MILLIS = 1_000;

  public ScheduleConfig {
    Objects.requireNonNull(levels, "levels");
    if (deliverBatchSize < 1) {
      throw new IllegalArgumentException("scheduleDeliverBatchSize " + deliverBatchSize + " < 1");
    }
    if (retryBackoffMillis < 1) {
      throw new IllegalArgumentException("retryBackoffMillis " + retryBackoffMillis + " < 1");
    }
  }

  /** The default levels and batch size. */
  public static ScheduleConfig defaults() {
    return new ScheduleConfig(
        DelayLevels.defaults(), DEFAULT_DELIVER_BATCH_SIZE, DEFAULT_RETRY_BACKOFF_MILLIS);
  }
}
