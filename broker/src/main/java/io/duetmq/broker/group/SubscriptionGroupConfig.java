package io.duetmq.broker.group;

import io.duetmq.broker.json.JsonObject;
import io.duetmq.broker.json.JsonString;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One consumer group's settings, with RocketMQ's field names ({@code SubscriptionGroupConfig} in
 * {@code subscriptionGroup.json} and the UPDATE_AND_CREATE_SUBSCRIPTIONGROUP body). Immutable.
 *
 * @param groupName the group
 * @param consumeEnable whether the group may pull at all
 * @param consumeFromMinEnable whether a new group may start from the minimum offset
 * @param consumeBroadcastEnable whether broadcasting consumption is allowed
 * @param retryQueueNums queues of {@code %RETRY%<group>}; 0 drops messages sent back
 * @param retryMaxTimes retries before the dead-letter topic (used when the client sends none)
 * @param brokerId the broker the group should read from
 * @param whichBrokerWhenConsumeSlowly the broker to read from when the master is slow
 * @param notifyConsumerIdsChangedEnable whether members are told of membership changes
 * @param groupSysFlag RocketMQ's unit-mode flags, kept as given
 * @param consumeMessageOrderly whether the group consumes orderly
 * @param consumeTimeoutMinute RocketMQ 5's consume timeout
 * @param attributes RocketMQ 5 group attributes, in insertion order
 * @param groupRetryPolicy RocketMQ 5's retry policy object (e.g. {@code {"type":"CUSTOMIZED"}}),
 *     kept as given
 */
public record SubscriptionGroupConfig(
    String groupName,
    boolean consumeEnable,
    boolean consumeFromMinEnable,
    boolean consumeBroadcastEnable,
    int retryQueueNums,
    int retryMaxTimes,
    long brokerId,
    long whichBrokerWhenConsumeSlowly,
    boolean notifyConsumerIdsChangedEnable,
    int groupSysFlag,
    boolean consumeMessageOrderly,
    int consumeTimeoutMinute,
    Map<String, String> attributes,
    JsonObject groupRetryPolicy) {

  /** RocketMQ's default retry policy object. */
  public static final JsonObject DEFAULT_RETRY_POLICY =
      new JsonObject(Map.of("type", new JsonString("CUSTOMIZED")));

  public SubscriptionGroupConfig {
    Objects.requireNonNull(groupName, "groupName");
    if (groupName.isEmpty()) {
      throw new IllegalArgumentException("groupName is empty");
    }
    if (retryQueueNums < 0 || retryMaxTimes < 0) {
      throw new IllegalArgumentException(
          "group "
              + groupName
              + ": retryQueueNums "
              + retryQueueNums
              + " and retryMaxTimes "
              + retryMaxTimes
              + " must be >= 0");
    }
    attributes =
        attributes == null || attributes.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    groupRetryPolicy = groupRetryPolicy == null ? DEFAULT_RETRY_POLICY : groupRetryPolicy;
  }

  /**
   * RocketMQ's defaults for a group: consumption, starting from the minimum and broadcasting
   * allowed, one retry queue, notification on.
   */
  public static SubscriptionGroupConfig defaults(String groupName, int retryMaxTimes) {
    return new SubscriptionGroupConfig(
        groupName, true, true, true, 1, retryMaxTimes, 0, 1, true, 0, false, 15, Map.of(), null);
  }
}
