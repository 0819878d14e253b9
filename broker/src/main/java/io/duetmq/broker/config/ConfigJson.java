package io.duetmq.broker.config;

import io.duetmq.broker.json.JsonBoolean;
import io.duetmq.broker.json.JsonDouble;
import io.duetmq.broker.json.JsonLong;
import io.duetmq.broker.json.JsonNull;
import io.duetmq.broker.json.JsonObject;
import io.duetmq.broker.json.JsonString;
import io.duetmq.broker.json.JsonValue;
import io.duetmq.broker.json.JsonWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Typed access to members of the JSON objects in RocketMQ's config files, shared by the topic,
 * group and offset codecs. Absent and {@code null} members take the given default (fastjson omits
 * nulls and older brokers omit newer fields); a member of the wrong type is bad input and fails
 * with the key and the value in the message. Numbers and booleans written as strings are accepted,
 * as fastjson accepts them. Stateless and thread-safe.
 */
public final class ConfigJson {
  private ConfigJson() {}

  /** The member {@code key} as text, or {@code fallback}. */
  public static String string(JsonObject object, String key, String fallback) {
    JsonValue value = object.get(key);
    if (value == null || value instanceof JsonNull) {
      return fallback;
    }
    if (value instanceof JsonString s) {
      return s.value();
    }
    if (value instanceof JsonLong n) {
      return Long.toString(n.value());
    }
    throw wrongType(key, value, "a string");
  }

  /** The member {@code key} as a long, or {@code fallback}. */
  public static long longValue(JsonObject object, String key, long fallback) {
    JsonValue value = object.get(key);
    if (value == null || value instanceof JsonNull) {
      return fallback;
    }
    return asLong(key, value);
  }

  /** The member {@code key} as an int, or {@code fallback}. */
  public static int intValue(JsonObject object, String key, int fallback) {
    long value = longValue(object, key, fallback);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("'" + key + "' = " + value + " is not an int");
    }
    return (int) value;
  }

  /** The member {@code key} as a boolean, or {@code fallback}. */
  public static boolean bool(JsonObject object, String key, boolean fallback) {
    JsonValue value = object.get(key);
    if (value == null || value instanceof JsonNull) {
      return fallback;
    }
    if (value instanceof JsonBoolean b) {
      return b.value();
    }
    if (value instanceof JsonString s
        && (s.value().equalsIgnoreCase("true") || s.value().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s.value());
    }
    throw wrongType(key, value, "a boolean");
  }

  /** The member {@code key} as an object, or the empty object. */
  public static JsonObject object(JsonObject object, String key) {
    JsonValue value = object.get(key);
    if (value == null || value instanceof JsonNull) {
      return JsonObject.EMPTY;
    }
    if (value instanceof JsonObject o) {
      return o;
    }
    throw wrongType(key, value, "an object");
  }

  /** A JSON value that must be an integer (e.g. a map value), named {@code what} in errors. */
  public static long asLong(String what, JsonValue value) {
    if (value instanceof JsonLong n) {
      return n.value();
    }
    if (value instanceof JsonDouble d && d.value() == Math.rint(d.value())) {
      return (long) d.value();
    }
    if (value instanceof JsonString s) {
      try {
        return Long.parseLong(s.value().trim());
      } catch (NumberFormatException e) {
        throw wrongType(what, value, "an integer");
      }
    }
    throw wrongType(what, value, "an integer");
  }

  /** The member {@code key} as a string-to-string map (RocketMQ's {@code attributes}). */
  public static Map<String, String> stringMap(JsonObject object, String key) {
    Map<String, String> result = new LinkedHashMap<>();
    JsonObject map = object(object, key);
    for (String name : map.members().keySet()) {
      result.put(name, string(map, name, null));
    }
    return result;
  }

  /** Writes a string-to-string map as an object value. */
  public static void writeStringMap(JsonWriter out, Map<String, String> map) {
    out.beginObject();
    for (Map.Entry<String, String> entry : map.entrySet()) {
      out.name(entry.getKey()).value(entry.getValue());
    }
    out.endObject();
  }

  /** The {@code dataVersion} member of a config table, or a fresh version when absent. */
  public static DataVersion dataVersion(JsonObject table, Clock clock) {
    JsonObject v = object(table, "dataVersion");
    if (v.members().isEmpty()) {
      return DataVersion.initial(clock);
    }
    return new DataVersion(
        longValue(v, "counter", 0),
        longValue(v, "stateVersion", 0),
        longValue(v, "timestamp", clock.millis()));
  }

  /** Writes {@code "dataVersion":{...}} as the next member of the current object. */
  public static void writeDataVersion(JsonWriter out, DataVersion version) {
    out.name("dataVersion")
        .beginObject()
        .name("counter")
        .value(version.counter())
        .name("stateVersion")
        .value(version.stateVersion())
        .name("timestamp")
        .value(version.timestamp())
        .endObject();
  }

  private static IllegalArgumentException wrongType(String key, JsonValue value, String expected) {
    return new IllegalArgumentException(
        "'" + key + "' must be " + expected + ", found " + value.toJson());
  }
}
