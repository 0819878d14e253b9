package io.duetmq.broker.retry;

import io.duetmq.broker.message.MessagePropertyKeys;
import io.duetmq.broker.message.StoredMessage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The retry and dead-letter rules of RocketMQ (reference §3.13).
 *
 * <p>CONSUMER_SEND_MSG_BACK ({@link #decideSendBack}): a group without retry queues drops the
 * message; otherwise the message goes to {@code %DLQ%<group>} queue 0 without delay when its stored
 * reconsume count has reached the maximum ({@code >=}) or the requested level is negative, else to
 * {@code %RETRY%<group>}, a random queue, with the requested level or, for level 0, {@code 3 +
 * reconsumeTimes}. The copy keeps body, flag, sysFlag, born time and host, gets {@code RETRY_TOPIC}
 * (the original topic, unless already set), {@code ORIGIN_MESSAGE_ID} (kept, else the original's
 * offset id), {@code WAIT=false}, and reconsume times + 1. The maximum is the request header's from
 * client version 121 on, else the group's {@code retryMaxTimes}.
 *
 * <p>A send to a retry topic ({@link #decideRetrySend}, the client's fallback when the send-back
 * failed) goes to the dead-letter topic when its reconsume times exceed the maximum ({@code >}) or
 * the group holds unexpired order locks.
 *
 * <p>Thread-safety: thread-safe when the random generator is (the default one is used under a
 * lock).
 */
public final class RetryPolicy {
  /** RocketMQ's default {@code retryMaxTimes}. */
  public static final int DEFAULT_MAX_RECONSUME_TIMES = 16;

  /** Queues of a dead-letter topic. */
  public static final int DLQ_QUEUE_NUMS = 1;

  /** The delay level of the first broker-chosen retry (10 s with the default levels). */
  public static final int FIRST_RETRY_LEVEL = 3;

  private final RetryPolicySource groups;
  private final RandomGenerator random;

  /**
   * @param groups the groups' retry settings
   * @param random picks the retry queue (tests pass a seeded generator)
   */
  public RetryPolicy(RetryPolicySource groups, RandomGenerator random) {
    this.groups = Objects.requireNonNull(groups, "groups");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The maximum reconsume count in force for a request. */
  public int maxReconsumeTimes(String group, Integer headerValue, int requestVersion) {
    if (requestVersion >= SendBackRequest.MAX_RECONSUME_TIMES_HEADER_VERSION
        && headerValue != null) {
      return headerValue;
    }
    return groups.maxReconsumeTimes(group);
  }

  /**
   * Whether {@code originTopic} names the topic the consumer got {@code original} from: its own
   * topic, or — for a message already being retried, which lies in {@code %RETRY%<group>} — the
   * original topic its RETRY_TOPIC property names (clients restore that topic before handing the
   * message to the listener and send it back with it).
   */
  private static boolean isOriginOf(String originTopic, StoredMessage original, String group) {
    if (originTopic.equals(original.topic())) {
      return true;
    }
    return original.topic().equals(RetryTopicNames.retryTopic(group))
        && originTopic.equals(original.property(MessagePropertyKeys.RETRY_TOPIC));
  }

  /** Decides where a message sent back by a consumer goes. */
  public RetryDecision decideSendBack(StoredMessage original, SendBackRequest request) {
    String group = request.group();
    int queueNums = groups.retryQueueNums(group);
    if (queueNums <= 0) {
      return RetryDecision.without(RetryAction.DROP);
    }
    if (request.originTopic() != null && !isOriginOf(request.originTopic(), original, group)) {
      return RetryDecision.without(RetryAction.TOPIC_MISMATCH);
    }
    Map<String, String> properties = original.copyProperties();
    properties.putIfAbsent(MessagePropertyKeys.RETRY_TOPIC, original.topic());
    properties.put(MessagePropertyKeys.WAIT, "false");
    String originId = properties.get(MessagePropertyKeys.ORIGIN_MESSAGE_ID);
    if (originId == null || originId.isBlank()) {
      properties.put(MessagePropertyKeys.ORIGIN_MESSAGE_ID, original.offsetMessageId());
    }
    int max = maxReconsumeTimes(group, request.maxReconsumeTimes(), request.requestVersion());
    int reconsumeTimes = original.reconsumeTimes();
    if (reconsumeTimes >= max || request.delayLevel() < 0) {
      properties.remove(MessagePropertyKeys.DELAY);
      return new RetryDecision(
          RetryAction.DEAD_LETTER,
          RetryTopicNames.dlqTopic(group),
          0,
          0,
          reconsumeTimes + 1,
          Collections.unmodifiableMap(properties));
    }
    int level =
        request.delayLevel() == 0 ? FIRST_RETRY_LEVEL + reconsumeTimes : request.delayLevel();
    properties.put(MessagePropertyKeys.DELAY, Integer.toString(level));
    return new RetryDecision(
        RetryAction.RETRY,
        RetryTopicNames.retryTopic(group),
        pickQueue(queueNums),
        level,
        reconsumeTimes + 1,
        Collections.unmodifiableMap(properties));
  }

  /**
   * Decides whether a message a client sends to a retry topic stays there (RETRY, same topic and
   * queue) or goes to the group's dead-letter topic.
   *
   * @param retryTopic the {@code %RETRY%<group>} topic of the send
   * @param queueId the queue of the send
   * @param reconsumeTimes the send's reconsume times (already counting this retry)
   * @param headerMaxReconsumeTimes the header's maximum, or null
   * @param requestVersion the client's protocol version
   * @param groupHoldsOrderLocks whether the group holds unexpired order locks (orderly consumer)
   * @param properties the send's properties; not modified
   */
  public RetryDecision decideRetrySend(
      String retryTopic,
      int queueId,
      int reconsumeTimes,
      Integer headerMaxReconsumeTimes,
      int requestVersion,
      boolean groupHoldsOrderLocks,
      Map<String, String> properties) {
    String group = RetryTopicNames.groupOfRetryTopic(retryTopic);
    int max = maxReconsumeTimes(group, headerMaxReconsumeTimes, requestVersion);
    Map<String, String> copy = new LinkedHashMap<>(properties);
    if (reconsumeTimes > max || groupHoldsOrderLocks) {
      copy.remove(MessagePropertyKeys.DELAY);
      return new RetryDecision(
          RetryAction.DEAD_LETTER,
          RetryTopicNames.dlqTopic(group),
          0,
          0,
          reconsumeTimes,
          Collections.unmodifiableMap(copy));
    }
    int level = parseLevel(copy.get(MessagePropertyKeys.DELAY));
    return new RetryDecision(
        RetryAction.RETRY,
        retryTopic,
        queueId,
        level,
        reconsumeTimes,
        Collections.unmodifiableMap(copy));
  }

  private int pickQueue(int queueNums) {
    if (queueNums == 1) {
      return 0;
    }
    synchronized (random) {
      return random.nextInt(queueNums);
    }
  }

  private static int parseLevel(String value) {
    if (value == null) {
      return 0;
    }
    try {
      return Math.max(0, Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
