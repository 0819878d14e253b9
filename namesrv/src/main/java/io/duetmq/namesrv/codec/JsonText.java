package io.duetmq.namesrv.codec;

import io.duetmq.broker.json.JsonArray;
import io.duetmq.broker.json.JsonLong;
import io.duetmq.broker.json.JsonNull;
import io.duetmq.broker.json.JsonObject;
import io.duetmq.broker.json.JsonString;
import io.duetmq.broker.json.JsonValue;
import io.duetmq.broker.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Small helpers for hand-written JSON (the fastjson dialect needs unquoted numeric keys, which
 * {@link JsonWriter} never writes) and for reading typed members with errors that name the member.
 */
final class JsonText {

  private JsonText() {}

  /** {@code value} as a JSON string literal. */
  static String quote(String value) {
    return JsonWriter.write(new JsonString(value));
  }

  /** Appends {@code "name":} (with a leading comma unless {@code first}). */
  static void name(StringBuilder out, String name, boolean first) {
    if (!first) {
      out.append(',');
    }
    out.append(quote(name)).append(':');
  }

  static JsonObject object(JsonValue value, String what) {
    if (value instanceof JsonObject object) {
      return object;
    }
    throw new IllegalArgumentException(what + " must be a JSON object, got " + describe(value));
  }

  /** The member {@code name} of {@code parent} as an object; empty when absent or null. */
  static JsonObject objectMember(JsonObject parent, String name, String path) {
    JsonValue value = parent.get(name);
    if (value == null || value == JsonNull.INSTANCE) {
      return JsonObject.EMPTY;
    }
    return object(value, path + name);
  }

  /** The member {@code name} as a long; {@code absent} when missing or null. */
  static long longMember(JsonObject parent, String name, long absent, String path) {
    JsonValue value = parent.get(name);
    if (value == null || value == JsonNull.INSTANCE) {
      return absent;
    }
    if (value instanceof JsonLong number) {
      return number.value();
    }
    throw new IllegalArgumentException(path + name + " must be an integer, got " + describe(value));
  }

  /** The member {@code name} as an int; {@code absent} when missing or null. */
  static int intMember(JsonObject parent, String name, int absent, String path) {
    long value = longMember(parent, name, absent, path);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(path + name + " out of int range: " + value);
    }
    return (int) value;
  }

  /** The member {@code name} as a string; {@code absent} when missing or null. */
  static String stringMember(JsonObject parent, String name, String absent, String path) {
    JsonValue value = parent.get(name);
    if (value == null || value == JsonNull.INSTANCE) {
      return absent;
    }
    if (value instanceof JsonString string) {
      return string.value();
    }
    throw new IllegalArgumentException(path + name + " must be a string, got " + describe(value));
  }

  /** {@code value} as a list of strings (null or absent = empty). */
  static List<String> stringList(JsonValue value, String what) {
    List<String> result = new ArrayList<>();
    if (value == null || value == JsonNull.INSTANCE) {
      return result;
    }
    if (!(value instanceof JsonArray array)) {
      throw new IllegalArgumentException(what + " must be a JSON array, got " + describe(value));
    }
    for (JsonValue element : array.elements()) {
      if (!(element instanceof JsonString string)) {
        throw new IllegalArgumentException(what + " must hold strings, got " + describe(element));
      }
      result.add(string.value());
    }
    return result;
  }

  private static String describe(JsonValue value) {
    if (value == null) {
      return "nothing";
    }
    String text = JsonWriter.write(value);
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }
}
