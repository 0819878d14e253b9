package io.duetmq.protocol.rocketmq.json;

/** JSON {@code null}. */
public enum JsonNull implements JsonValue {
  INSTANCE
}
