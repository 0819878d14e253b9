package io.duetmq.broker.topic;

import io.duetmq.broker.config.ConfigJson;
import io.duetmq.broker.config.DataVersion;
import io.duetmq.broker.json.JsonObject;
import io.duetmq.broker.json.JsonValue;
import io.duetmq.broker.json.JsonWriter;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * JSON form of {@link TopicConfig} and of RocketMQ's {@code topics.json} ({@code
 * {"dataVersion":{...},"topicConfigTable":{"T":{...}}}}). Members are written in fastjson's
 * alphabetical order; unknown members are ignored on read. Stateless and thread-safe.
 */
public final class TopicConfigCodec {

  /** A decoded {@code topics.json}. */
  public record TopicTable(DataVersion dataVersion, Map<String, TopicConfig> topics) {}

  private TopicConfigCodec() {}

  /** Reads one TopicConfig object; {@code fallbackName} is used when it has no topicName. */
  public static TopicConfig decode(JsonObject object, String fallbackName) {
    String filterType = ConfigJson.string(object, "topicFilterType", "SINGLE_TAG");
    TopicFilterType type;
    try {
      type = TopicFilterType.valueOf(filterType.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("topicFilterType '" + filterType + "' unknown", e);
    }
    return new TopicConfig(
        ConfigJson.string(object, "topicName", fallbackName),
        ConfigJson.intValue(object, "readQueueNums", 16),
        ConfigJson.intValue(object, "writeQueueNums", 16),
        ConfigJson.intValue(object, "perm", Permission.READ_WRITE),
        type,
        ConfigJson.intValue(object, "topicSysFlag", 0),
        ConfigJson.bool(object, "order", false),
        ConfigJson.stringMap(object, "attributes"));
  }

  /** Writes one TopicConfig as the next value. */
  public static void encode(JsonWriter out, TopicConfig config) {
    out.beginObject().name("attributes");
    ConfigJson.writeStringMap(out, config.attributes());
    out.name("order")
        .value(config.order())
        .name("perm")
        .value(config.perm())
        .name("readQueueNums")
        .value(config.readQueueNums())
        .name("topicFilterType")
        .value(config.topicFilterType().name())
        .name("topicName")
        .value(config.topicName())
        .name("topicSysFlag")
        .value(config.topicSysFlag())
        .name("writeQueueNums")
        .value(config.writeQueueNums())
        .endObject();
  }

  /** One TopicConfig as JSON text (GET_TOPIC_CONFIG's body). */
  public static String toJson(TopicConfig config) {
    JsonWriter out = new JsonWriter();
    encode(out, config);
    return out.toString();
  }

  /** Reads a {@code topics.json} root object. */
  public static TopicTable decodeTable(JsonObject root, Clock clock) {
    Map<String, TopicConfig> topics = new LinkedHashMap<>();
    JsonObject table = ConfigJson.object(root, "topicConfigTable");
    for (Map.Entry<String, JsonValue> entry : table.members().entrySet()) {
      if (!(entry.getValue() instanceof JsonObject object)) {
        throw new IllegalArgumentException(
            "topicConfigTable[" + entry.getKey() + "] is not an object");
      }
      TopicConfig config = decode(object, entry.getKey());
      topics.put(config.topicName(), config);
    }
    return new TopicTable(ConfigJson.dataVersion(root, clock), topics);
  }

  /** Writes a {@code topics.json} document. */
  public static String encodeTable(DataVersion version, Collection<TopicConfig> topics) {
    JsonWriter out = new JsonWriter().beginObject();
    ConfigJson.writeDataVersion(out, version);
    out.name("topicConfigTable").beginObject();
    for (TopicConfig config : topics) {
      out.name(config.topicName());
      encode(out, config);
    }
    return out.endObject().endObject().toString();
  }
}
