package io.duetmq.protocol.rocketmq.codec;

import io.duetmq.broker.json.JsonBoolean;
import io.duetmq.broker.json.JsonDouble;
import io.duetmq.broker.json.JsonLong;
import io.duetmq.broker.json.JsonNull;
import io.duetmq.broker.json.JsonObject;
import io.duetmq.broker.json.JsonParseException;
import io.duetmq.broker.json.JsonReader;
import io.duetmq.broker.json.JsonString;
import io.duetmq.broker.json.JsonValue;
import io.duetmq.broker.json.JsonWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Encodes and decodes the JSON header (serialize type 0).
 *
 * <p>Writing mirrors what real peers emit: keys in alphabetical order ({@code code}, {@code
 * extFields} (omitted when empty), {@code flag}, {@code language} (the name), {@code opaque},
 * {@code remark} (omitted when null), {@code serializeTypeCurrentRPC} ("JSON"), {@code version}),
 * ext values as strings, control characters as backslash-u escapes (<code>&#92;u00XX</code>).
 *
 * <p>Reading accepts any key order and the fastjson dialect of {@link JsonReader}, ignores unknown
 * keys (e.g. {@code serializeTypeCurrentRPC}), and treats missing {@code code}, {@code opaque},
 * {@code flag} and {@code version} as 0 and a missing {@code language} as JAVA, like RocketMQ's
 * field defaults. An unknown language name maps to OTHER. Ext values that are numbers or booleans
 * are kept as their JSON text; null ext values are dropped.
 *
 * <p>Buffer ownership: neither method retains or releases a buffer.
 *
 * <p>Thread-safety: stateless.
 */
public final class JsonHeaderCodec {

  private JsonHeaderCodec() {}

  /** The header of {@code command} as JSON text (body excluded). */
  public static String encodeToString(RemotingCommand command) {
    JsonWriter json = new JsonWriter().beginObject();
    json.name("code").value(command.code());
    if (!command.extFields().isEmpty()) {
      json.name("extFields").beginObject();
      for (Map.Entry<String, String> entry : command.extFields().entrySet()) {
        json.name(entry.getKey()).value(entry.getValue());
      }
      json.endObject();
    }
    json.name("flag").value(command.flag());
    json.name("language").value(command.language().name());
    json.name("opaque").value(command.opaque());
    if (command.remark() != null) {
      json.name("remark").value(command.remark());
    }
    json.name("serializeTypeCurrentRPC").value(SerializeType.JSON.name());
    json.name("version").value(command.version());
    return json.endObject().toString();
  }

  /**
   * Appends the header of {@code command} to {@code out} as UTF-8 JSON.
   *
   * @return the number of bytes written
   */
  public static int encode(RemotingCommand command, ByteBuf out) {
    return ByteBufUtil.writeUtf8(out, encodeToString(command));
  }

  /**
   * Decodes the UTF-8 JSON header in {@code buf[index, index + length)} without moving the buffer's
   * indexes.
   *
   * @return a command with {@link SerializeType#JSON} and no body
   * @throws RemotingCodecException when the bytes are not a JSON object with fields of the right
   *     types
   */
  public static RemotingCommand decode(ByteBuf buf, int index, int length) {
    return decode(buf.toString(index, length, StandardCharsets.UTF_8));
  }

  /** Decodes a JSON header given as text; see {@link #decode(ByteBuf, int, int)}. */
  public static RemotingCommand decode(String header) {
    JsonValue parsed;
    try {
      parsed = JsonReader.parse(header);
    } catch (JsonParseException e) {
      throw new RemotingCodecException("bad JSON header: " + e.getMessage(), e);
    }
    if (!(parsed instanceof JsonObject object)) {
      throw new RemotingCodecException("JSON header is not an object: " + abbreviate(header));
    }
    JsonValue language = object.get("language");
    LanguageCode languageCode =
        language == null || language == JsonNull.INSTANCE
            ? LanguageCode.JAVA
            : LanguageCode.fromName(stringField(object, "language"));
    return new RemotingCommand(
        intField(object, "code"),
        languageCode,
        intField(object, "version"),
        intField(object, "opaque"),
        intField(object, "flag"),
        stringField(object, "remark"),
        extFields(object.get("extFields")),
        null,
        SerializeType.JSON);
  }

  private static int intField(JsonObject object, String name) {
    JsonValue value = object.get(name);
    if (value == null || value == JsonNull.INSTANCE) {
      return 0;
    }
    if (value instanceof JsonLong number
        && number.value() >= Integer.MIN_VALUE
        && number.value() <= Integer.MAX_VALUE) {
      return (int) number.value();
    }
    throw new RemotingCodecException(
        "JSON header field " + name + " is not an int: " + abbreviate(value.toJson()));
  }

  private static String stringField(JsonObject object, String name) {
    JsonValue value = object.get(name);
    if (value == null || value == JsonNull.INSTANCE) {
      return null;
    }
    if (value instanceof JsonString string) {
      return string.value();
    }
    throw new RemotingCodecException(
        "JSON header field " + name + " is not a string: " + abbreviate(value.toJson()));
  }

  private static Map<String, String> extFields(JsonValue value) {
    if (value == null || value == JsonNull.INSTANCE) {
      return Map.of();
    }
    if (!(value instanceof JsonObject object)) {
      throw new RemotingCodecException(
          "JSON header field extFields is not an object: " + abbreviate(value.toJson()));
    }
    Map<String, String> ext = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
      JsonValue v = member.getValue();
      if (v instanceof JsonString string) {
        ext.put(member.getKey(), string.value());
      } else if (v instanceof JsonLong || v instanceof JsonDouble || v instanceof JsonBoolean) {
        ext.put(member.getKey(), v.toJson());
      } else if (v != JsonNull.INSTANCE) {
        throw new RemotingCodecException(
            "ext field " + member.getKey() + " is not a scalar: " + abbreviate(v.toJson()));
      }
    }
    return ext;
  }

  private static String abbreviate(String text) {
    return text.length() <= 200
        ? text
        : text.substring(0, 200) + "...(" + text.length() + " chars)";
  }
}
