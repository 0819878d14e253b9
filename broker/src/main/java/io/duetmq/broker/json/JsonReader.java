package io.duetmq.broker.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON text, including the fastjson dialect of real RocketMQ peers, into a {@link JsonValue}
 * tree.
 *
 * <p>Accepted beyond standard JSON: object keys that are unquoted tokens of letters, digits and
 * {@code _ $ . + -} (fastjson writes integer map keys unquoted), object keys that are JSON objects
 * or arrays (fastjson writes {@code MessageQueue}-keyed maps that way; see {@link JsonObject} for
 * how such keys are represented), and raw control characters inside strings. Duplicate keys keep
 * the last value. Nesting deeper than {@link #MAX_DEPTH} objects/arrays is rejected so that hostile
 * input cannot exhaust the stack.
 *
 * <p>Thread-safety: the static entry point is thread-safe; instances are used by one call only.
 */
public final class JsonReader {

  /** Maximum nesting of objects and arrays, counting the outermost one as 1. */
  public static final int MAX_DEPTH = 64;

  private final String text;
  private int pos;
  private int depth;

  private JsonReader(String text) {
    this.text = text;
  }

  /**
   * Parses one JSON value that must make up the whole text (surrounding whitespace allowed).
   *
   * @throws JsonParseException when the text is not valid in the accepted dialect
   */
  public static JsonValue parse(String text) {
    JsonReader reader = new JsonReader(text);
    JsonValue value = reader.readValue();
    reader.skipWhitespace();
    if (reader.pos != text.length()) {
      throw reader.error("unexpected '" + text.charAt(reader.pos) + "' after the value");
    }
    return value;
  }

  private JsonValue readValue() {
    skipWhitespace();
    if (pos >= text.length()) {
      throw error("unexpected end of input, expected a value");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return readObject();
      case '[':
        return readArray();
      case '"':
        return new JsonString(readString());
      case 't':
        expectWord("true");
        return JsonBoolean.TRUE;
      case 'f':
        expectWord("false");
        return JsonBoolean.FALSE;
      case 'n':
        expectWord("null");
        return JsonNull.INSTANCE;
      default:
        if (c == '-' || isDigit(c)) {
          return readNumber();
        }
        throw error("unexpected '" + c + "', expected a value");
    }
  }

  private JsonObject readObject() {
    enter();
    pos++; // '{'
    Map<String, JsonValue> members = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      depth--;
      return new JsonObject(members);
    }
    while (true) {
      String key = readKey();
      skipWhitespace();
      expect(':');
      members.put(key, readValue());
      skipWhitespace();
      char c = peek();
      pos++;
      if (c == '}') {
        depth--;
        return new JsonObject(members);
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or '}' in object");
      }
      skipWhitespace();
    }
  }

  private String readKey() {
    char c = peek();
    if (c == '"') {
      return readString();
    }
    if (c == '{' || c == '[') {
      return JsonWriter.write(readValue());
    }
    int start = pos;
    while (pos < text.length() && isTokenChar(text.charAt(pos))) {
      pos++;
    }
    if (pos == start) {
      throw error("expected an object key");
    }
    return text.substring(start, pos);
  }

  private JsonArray readArray() {
    enter();
    pos++; // '['
    List<JsonValue> elements = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      depth--;
      return new JsonArray(elements);
    }
    while (true) {
      elements.add(readValue());
      skipWhitespace();
      char c = peek();
      pos++;
      if (c == ']') {
        depth--;
        return new JsonArray(elements);
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or ']' in array");
      }
    }
  }

  private String readString() {
    pos++; // opening quote
    StringBuilder sb = null;
    int start = pos;
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string starting at character " + (start - 1));
      }
      char c = text.charAt(pos);
      if (c == '"') {
        String result =
            sb == null ? text.substring(start, pos) : sb.append(text, start, pos).toString();
        pos++;
        return result;
      }
      if (c == '\\') {
        if (sb == null) {
          sb = new StringBuilder();
        }
        sb.append(text, start, pos);
        sb.append(readEscape());
        start = pos;
      } else {
        pos++;
      }
    }
  }

  private char readEscape() {
    pos++; // backslash
    if (pos >= text.length()) {
      throw error("unterminated escape");
    }
    char c = text.charAt(pos++);
    switch (c) {
      case '"':
      case '\\':
      case '/':
        return c;
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        return readHex4();
      default:
        pos--;
        throw error("invalid escape '\\" + c + "'");
    }
  }

  private char readHex4() {
    if (pos + 4 > text.length()) {
      throw error("truncated \\u escape");
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(pos), 16);
      if (digit < 0) {
        throw error("invalid hex digit '" + text.charAt(pos) + "' in \\u escape");
      }
      value = (value << 4) | digit;
      pos++;
    }
    return (char) value;
  }

  private JsonValue readNumber() {
    int start = pos;
    if (text.charAt(pos) == '-') {
      pos++;
    }
    int intDigits = skipDigits();
    if (intDigits == 0) {
      throw error("expected a digit");
    }
    boolean integral = true;
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      integral = false;
      if (skipDigits() == 0) {
        throw error("expected a digit after '.'");
      }
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      pos++;
      integral = false;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      if (skipDigits() == 0) {
        throw error("expected a digit in the exponent");
      }
    }
    String literal = text.substring(start, pos);
    if (integral) {
      try {
        return new JsonLong(Long.parseLong(literal));
      } catch (NumberFormatException tooLarge) {
        // falls through: an integer beyond the long range is kept as a double
      }
    }
    double value = Double.parseDouble(literal);
    if (Double.isInfinite(value)) {
      throw error("number out of range: " + literal);
    }
    return new JsonDouble(value);
  }

  private int skipDigits() {
    int start = pos;
    while (pos < text.length() && isDigit(text.charAt(pos))) {
      pos++;
    }
    return pos - start;
  }

  private void expectWord(String word) {
    if (!text.startsWith(word, pos)) {
      throw error("invalid literal, expected '" + word + "'");
    }
    pos += word.length();
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private char peek() {
    if (pos >= text.length()) {
      throw error("unexpected end of input");
    }
    return text.charAt(pos);
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH);
    }
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isTokenChar(char c) {
    return isDigit(c)
        || (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || c == '_'
        || c == '$'
        || c == '.'
        || c == '+'
        || c == '-';
  }

  private JsonParseException error(String reason) {
    return new JsonParseException(reason, pos);
  }
}
