package io.duetmq.broker.delay;

import java.util.Map;

/**
 * Where an incoming message is stored: its own topic and queue, or the schedule topic's queue for
 * its delay level.
 *
 * @param topic the topic to append to
 * @param queueId the queue to append to
 * @param properties the properties to store (with {@code REAL_TOPIC}/{@code REAL_QID} when parked)
 * @param delayLevel the effective (clamped) delay level, 0 when not delayed
 */
public record ScheduleRoute(
    String topic, int queueId, Map<String, String> properties, int delayLevel) {

  /** Whether the message is parked in the schedule topic. */
  public boolean scheduled() {
    return delayLevel > 0;
  }
}
