package io.duetmq.broker.json;

/**
 * A parsed JSON value: an immutable tree produced by {@link JsonReader} and written by {@link
 * JsonWriter}.
 *
 * <p>Thread-safety: all implementations are immutable and safe to share.
 */
public sealed interface JsonValue
    permits JsonObject, JsonArray, JsonString, JsonLong, JsonDouble, JsonBoolean, JsonNull {

  /** Returns this value as standard, compact JSON text. */
  default String toJson() {
    return JsonWriter.write(this);
  }
}
