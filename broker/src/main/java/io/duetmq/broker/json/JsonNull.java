package io.duetmq.broker.json;

/** JSON {@code null}. */
public enum JsonNull implements JsonValue {
  INSTANCE
}
