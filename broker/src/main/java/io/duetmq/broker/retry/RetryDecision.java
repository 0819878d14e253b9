package io.duetmq.broker.retry;

import io.duetmq.broker.delay.ScheduleRoute;
import io.duetmq.broker.delay.ScheduleTopicRouter;
import io.duetmq.broker.message.StoredMessage;
import io.duetmq.store.AppendRequest;
import java.util.Map;

/**
 * Where a sent-back message goes.
 *
 * @param action what to do; the other fields matter for RETRY and DEAD_LETTER only
 * @param topic {@code %RETRY%<group>} or {@code %DLQ%<group>}
 * @param queueId the target queue
 * @param delayLevel the delay level as decided (also in {@code properties} as {@code DELAY}; levels
 *     above the highest are clamped when the message is parked); 0 for dead letters
 * @param reconsumeTimes the RECONSUMETIMES field of the new record
 * @param properties the properties of the new record, unmodifiable, in order
 */
public record RetryDecision(
    RetryAction action,
    String topic,
    int queueId,
    int delayLevel,
    int reconsumeTimes,
    Map<String, String> properties) {

  static RetryDecision without(RetryAction action) {
    return new RetryDecision(action, null, -1, 0, 0, Map.of());
  }

  /**
   * The record to append for RETRY or DEAD_LETTER: a copy of {@code original} with this decision's
   * properties and reconsume times, stored in this decision's topic and queue or, for a delayed
   * retry, parked in the schedule topic by {@code router}.
   *
   * @throws IllegalStateException for DROP and TOPIC_MISMATCH
   */
  public AppendRequest.Builder appendRequest(StoredMessage original, ScheduleTopicRouter router) {
    if (action != RetryAction.RETRY && action != RetryAction.DEAD_LETTER) {
      throw new IllegalStateException("nothing to append for " + action);
    }
    ScheduleRoute route = router.route(topic, queueId, original.sysFlag(), properties);
    return original
        .rePut(route.topic(), route.queueId(), route.properties())
        .reconsumeTimes(reconsumeTimes);
  }
}
