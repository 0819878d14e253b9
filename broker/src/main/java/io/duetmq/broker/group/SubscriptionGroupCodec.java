package io.duetmq.broker.group;

import io.duetmq.broker.config.ConfigJson;
import io.duetmq.broker.config.DataVersion;
import io.duetmq.broker.json.JsonObject;
import io.duetmq.broker.json.JsonValue;
import io.duetmq.broker.json.JsonWriter;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON form of {@link SubscriptionGroupConfig} and of RocketMQ's {@code subscriptionGroup.json}
 * ({@code {"dataVersion":{...},"forbiddenTable":{...},"subscriptionGroupTable":{"G":{...}}}}).
 * Missing members take RocketMQ's defaults; unknown members are ignored; {@code forbiddenTable} is
 * kept as read. Stateless and thread-safe.
 */
public final class SubscriptionGroupCodec {

  /** A decoded {@code subscriptionGroup.json}. */
  public record GroupTable(
      DataVersion dataVersion, Map<String, SubscriptionGroupConfig> groups, JsonObject forbidden) {}

  private SubscriptionGroupCodec() {}

  /**
   * Reads one SubscriptionGroupConfig object; {@code fallbackName} is used when it has no name,
   * {@code retryMaxTimes} when it has no retryMaxTimes.
   */
  public static SubscriptionGroupConfig decode(
      JsonObject o, String fallbackName, int retryMaxTimes) {
    JsonObject policy = ConfigJson.object(o, "groupRetryPolicy");
    return new SubscriptionGroupConfig(
        ConfigJson.string(o, "groupName", fallbackName),
        ConfigJson.bool(o, "consumeEnable", true),
        ConfigJson.bool(o, "consumeFromMinEnable", true),
        ConfigJson.bool(o, "consumeBroadcastEnable", true),
        ConfigJson.intValue(o, "retryQueueNums", 1),
        ConfigJson.intValue(o, "retryMaxTimes", retryMaxTimes),
        ConfigJson.longValue(o, "brokerId", 0),
        ConfigJson.longValue(o, "whichBrokerWhenConsumeSlowly", 1),
        ConfigJson.bool(o, "notifyConsumerIdsChangedEnable", true),
        ConfigJson.intValue(o, "groupSysFlag", 0),
        ConfigJson.bool(o, "consumeMessageOrderly", false),
        ConfigJson.intValue(o, "consumeTimeoutMinute", 15),
        ConfigJson.stringMap(o, "attributes"),
        policy.members().isEmpty() ? null : policy);
  }

  /** Writes one SubscriptionGroupConfig as the next value, members in fastjson's order. */
  public static void encode(JsonWriter out, SubscriptionGroupConfig g) {
    out.beginObject().name("attributes");
    ConfigJson.writeStringMap(out, g.attributes());
    out.name("brokerId")
        .value(g.brokerId())
        .name("consumeBroadcastEnable")
        .value(g.consumeBroadcastEnable())
        .name("consumeEnable")
        .value(g.consumeEnable())
        .name("consumeFromMinEnable")
        .value(g.consumeFromMinEnable())
        .name("consumeMessageOrderly")
        .value(g.consumeMessageOrderly())
        .name("consumeTimeoutMinute")
        .value(g.consumeTimeoutMinute())
        .name("groupName")
        .value(g.groupName())
        .name("groupRetryPolicy")
        .value(g.groupRetryPolicy())
        .name("groupSysFlag")
        .value(g.groupSysFlag())
        .name("notifyConsumerIdsChangedEnable")
        .value(g.notifyConsumerIdsChangedEnable())
        .name("retryMaxTimes")
        .value(g.retryMaxTimes())
        .name("retryQueueNums")
        .value(g.retryQueueNums())
        .name("whichBrokerWhenConsumeSlowly")
        .value(g.whichBrokerWhenConsumeSlowly())
        .endObject();
  }

  /** One config as JSON text. */
  public static String toJson(SubscriptionGroupConfig config) {
    JsonWriter out = new JsonWriter();
    encode(out, config);
    return out.toString();
  }

  /** Reads a {@code subscriptionGroup.json} root object. */
  public static GroupTable decodeTable(JsonObject root, int retryMaxTimes, Clock clock) {
    Map<String, SubscriptionGroupConfig> groups = new LinkedHashMap<>();
    JsonObject table = ConfigJson.object(root, "subscriptionGroupTable");
    for (Map.Entry<String, JsonValue> entry : table.members().entrySet()) {
      if (!(entry.getValue() instanceof JsonObject object)) {
        throw new IllegalArgumentException(
            "subscriptionGroupTable[" + entry.getKey() + "] is not an object");
      }
      SubscriptionGroupConfig config = decode(object, entry.getKey(), retryMaxTimes);
      groups.put(config.groupName(), config);
    }
    return new GroupTable(
        ConfigJson.dataVersion(root, clock), groups, ConfigJson.object(root, "forbiddenTable"));
  }

  /** Writes a {@code subscriptionGroup.json} document. */
  public static String encodeTable(
      DataVersion version, JsonObject forbidden, Collection<SubscriptionGroupConfig> groups) {
    JsonWriter out = new JsonWriter().beginObject();
    ConfigJson.writeDataVersion(out, version);
    out.name("forbiddenTable").value(forbidden);
    out.name("subscriptionGroupTable").beginObject();
    for (SubscriptionGroupConfig config : groups) {
      out.name(config.groupName());
      encode(out, config);
    }
    return out.endObject().endObject().toString();
  }
}
