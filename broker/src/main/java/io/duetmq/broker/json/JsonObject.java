package io.duetmq.broker.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON object whose members keep their input (or insertion) order.
 *
 * <p>Keys are strings. fastjson writes two non-standard key forms that the reader maps onto
 * strings: an unquoted number ({@code {0:"a"}}) becomes its text ({@code "0"}), and a JSON object
 * or array used as a key ({@code {{"topic":"T","queueId":0}:5}}) becomes that value's compact JSON
 * text as written by {@link JsonWriter} ({@code "{\"topic\":\"T\",\"queueId\":0}"}). The quoted
 * form that standard writers use for the same key therefore yields the same string; parse it again
 * with {@link JsonReader#parse(String)} to get the object back.
 *
 * @param members the members; copied into an unmodifiable map that keeps the given order
 */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {

  /** An object without members. */
  public static final JsonObject EMPTY = new JsonObject(Map.of());

  public JsonObject {
    Objects.requireNonNull(members, "members");
    members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
  }

  /** Returns the member named {@code key}, or null when there is none. */
  public JsonValue get(String key) {
    return members.get(key);
  }
}
