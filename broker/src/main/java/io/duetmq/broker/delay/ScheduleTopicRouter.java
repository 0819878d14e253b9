package io.duetmq.broker.delay;

import io.duetmq.broker.message.MessagePropertyKeys;
import io.duetmq.store.log.CommitLogDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides on the send path whether a message is parked for delayed delivery (reference §3.14): a
 * message that is not a transaction half or rollback and whose {@code DELAY} is a positive number
 * is stored in {@link #SCHEDULE_TOPIC}, queue {@code level - 1}, with {@code REAL_TOPIC}/{@code
 * REAL_QID} naming its destination and {@code DELAY} clamped to the highest level. Timer properties
 * ({@code TIMER_*}) are dropped when {@code DELAY} is set, as RocketMQ does. The deliver time is
 * the record's store timestamp plus the level's delay; nothing else needs to be written for it.
 *
 * <p>A {@code DELAY} that is not a number is treated as no delay.
 *
 * <p>Thread-safety: immutable.
 */
public final class ScheduleTopicRouter {
  /** The system topic that holds delayed messages, one queue per level. */
  public static final String SCHEDULE_TOPIC = "SCHEDULE_TOPIC_XXXX";

  private final DelayLevels levels;

  public ScheduleTopicRouter(DelayLevels levels) {
    this.levels = levels;
  }

  /** The schedule-topic queue of a level. */
  public static int queueIdOf(int level) {
    return level - 1;
  }

  /** The level of a schedule-topic queue. */
  public static int levelOf(int queueId) {
    return queueId + 1;
  }

  /**
   * Where to store a message bound for {@code (topic, queueId)}.
   *
   * @param properties the message's properties; not modified
   */
  public ScheduleRoute route(
      String topic, int queueId, int sysFlag, Map<String, String> properties) {
    int requested = delayLevel(properties);
    if (requested <= 0 || CommitLogDescriptor.isInvisibleTransactionRecord(sysFlag)) {
      return new ScheduleRoute(topic, queueId, properties, 0);
    }
    int level = levels.clamp(requested);
    Map<String, String> parked = new LinkedHashMap<>(properties);
    parked.remove(MessagePropertyKeys.TIMER_DELIVER_MS);
    parked.remove(MessagePropertyKeys.TIMER_DELAY_SEC);
    parked.remove(MessagePropertyKeys.TIMER_DELAY_MS);
    parked.put(MessagePropertyKeys.DELAY, Integer.toString(level));
    parked.put(MessagePropertyKeys.REAL_TOPIC, topic);
    parked.put(MessagePropertyKeys.REAL_QID, Integer.toString(queueId));
    return new ScheduleRoute(SCHEDULE_TOPIC, queueIdOf(level), parked, level);
  }

  /** The {@code DELAY} property as a number; 0 when absent or not a number. */
  public static int delayLevel(Map<String, String> properties) {
    String value = properties.get(MessagePropertyKeys.DELAY);
    if (value == null) {
      return 0;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
