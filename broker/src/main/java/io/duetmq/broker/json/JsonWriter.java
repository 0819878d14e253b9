package io.duetmq.broker.json;

import java.util.Map;

/**
 * Writes standard, compact JSON, either streaming ({@code beginObject().name("a").value(1)...}) or
 * from a {@link JsonValue} tree ({@link #write(JsonValue)}).
 *
 * <p>Strings are written as UTF-16 text for the caller to encode (UTF-8 on the wire). Characters
 * below 0x20, and unpaired surrogates, are written as backslash-u escapes (<code>&#92;u00XX</code>)
 * so that RocketMQ's property separators 0x01/0x02 survive any transport; {@code "} and {@code \}
 * are backslash-escaped; everything else is written as is.
 *
 * <p>The writer does not check that calls are well nested; callers write headers and bodies with a
 * fixed shape.
 *
 * <p>Thread-safety: not thread-safe; one instance per document.
 */
public final class JsonWriter {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder out;

  /** Creates a writer with an empty buffer. */
  public JsonWriter() {
    this.out = new StringBuilder(128);
  }

  /** Writes {@code value} as compact JSON text. */
  public static String write(JsonValue value) {
    return new JsonWriter().value(value).toString();
  }

  /** Starts an object (as a value or the document root). */
  public JsonWriter beginObject() {
    separate();
    out.append('{');
    return this;
  }

  /** Ends the current object. */
  public JsonWriter endObject() {
    out.append('}');
    return this;
  }

  /** Starts an array. */
  public JsonWriter beginArray() {
    separate();
    out.append('[');
    return this;
  }

  /** Ends the current array. */
  public JsonWriter endArray() {
    out.append(']');
    return this;
  }

  /** Writes a member name; the next call must write its value. */
  public JsonWriter name(String name) {
    separate();
    appendString(out, name);
    out.append(':');
    return this;
  }

  /** Writes a string value, or {@code null} when {@code value} is null. */
  public JsonWriter value(String value) {
    separate();
    if (value == null) {
      out.append("null");
    } else {
      appendString(out, value);
    }
    return this;
  }

  /** Writes an integer value. */
  public JsonWriter value(long value) {
    separate();
    out.append(value);
    return this;
  }

  /** Writes a boolean value. */
  public JsonWriter value(boolean value) {
    separate();
    out.append(value);
    return this;
  }

  /** Writes a whole tree as one value. */
  public JsonWriter value(JsonValue value) {
    if (value instanceof JsonObject object) {
      beginObject();
      for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
        name(member.getKey());
        value(member.getValue());
      }
      return endObject();
    }
    if (value instanceof JsonArray array) {
      beginArray();
      for (JsonValue element : array.elements()) {
        value(element);
      }
      return endArray();
    }
    separate();
    if (value instanceof JsonString string) {
      appendString(out, string.value());
    } else if (value instanceof JsonLong number) {
      out.append(number.value());
    } else if (value instanceof JsonDouble number) {
      out.append(number.value());
    } else if (value instanceof JsonBoolean bool) {
      out.append(bool.value());
    } else {
      out.append("null");
    }
    return this;
  }

  /** The text written so far. */
  @Override
  public String toString() {
    return out.toString();
  }

  /**
   * Adds the comma between members or elements. Every token that may precede a new value or name
   * without a comma ends in one of these three characters, and no complete value ends in them.
   */
  private void separate() {
    int length = out.length();
    if (length == 0) {
      return;
    }
    char last = out.charAt(length - 1);
    if (last != '{' && last != '[' && last != ':') {
      out.append(',');
    }
  }

  private static void appendString(StringBuilder out, String value) {
    out.append('"');
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        appendUnicodeEscape(out, c);
      } else if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        out.append(c).append(value.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        appendUnicodeEscape(out, c);
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  private static void appendUnicodeEscape(StringBuilder out, char c) {
    out.append("\\u")
        .append(HEX[(c >> 12) & 0xF])
        .append(HEX[(c >> 8) & 0xF])
        .append(HEX[(c >> 4) & 0xF])
        .append(HEX[c & 0xF]);
  }
}
