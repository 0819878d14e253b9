package io.duetmq.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Just enough JSON for the fixture manifest lines: objects, strings, numbers, true/false/null.
 * Tests only.
 */
final class MiniJson {
  private final String text;
  private int pos;

  private MiniJson(String text) {
    this.text = text;
  }

  static Map<String, Object> parseObject(String line) {
    MiniJson parser = new MiniJson(line);
    @SuppressWarnings("unchecked") // the manifest lines are objects
    Map<String, Object> result = (Map<String, Object>) parser.value();
    return result;
  }

  private Object value() {
    skipSpace();
    char c = text.charAt(pos);
    if (c == '{') {
      return object();
    }
    if (c == '"') {
      return string();
    }
    int start = pos;
    while (pos < text.length() && ",}] ".indexOf(text.charAt(pos)) < 0) {
      pos++;
    }
    String word = text.substring(start, pos);
    return switch (word) {
      case "null" -> null;
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> Long.parseLong(word);
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    pos++;
    skipSpace();
    if (text.charAt(pos) == '}') {
      pos++;
      return map;
    }
    while (true) {
      skipSpace();
      String key = string();
      skipSpace();
      pos++; // ':'
      map.put(key, value());
      skipSpace();
      if (text.charAt(pos++) == '}') {
        return map;
      }
    }
  }

  private String string() {
    StringBuilder out = new StringBuilder();
    pos++;
    while (text.charAt(pos) != '"') {
      char c = text.charAt(pos++);
      if (c == '\\') {
        char e = text.charAt(pos++);
        switch (e) {
          case 'u' -> {
            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            pos += 4;
          }
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          default -> out.append(e);
        }
      } else {
        out.append(c);
      }
    }
    pos++;
    return out.toString();
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }
}
