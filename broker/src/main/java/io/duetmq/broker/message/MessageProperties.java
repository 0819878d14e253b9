package io.duetmq.broker.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RocketMQ's properties string: {@code key 0x01 value 0x02 key 0x01 value 0x02 ...}, parsed into an
 * ordered map and formatted back.
 *
 * <p>Parsing follows the Java client and broker exactly, so that DuetMQ sees the same properties
 * they do: the text is split on {@code 0x02}; an entry is kept only when it is at least three chars
 * long and its first {@code 0x01} lies after its first char and before its last one (key and value
 * are non-empty; the value may contain further {@code 0x01}); a later duplicate key replaces the
 * earlier value. The returned map keeps first-insertion order, so formatting a parsed map keeps the
 * order of the original text.
 *
 * <p>Thread-safety: stateless, thread-safe. Returned maps belong to the caller.
 */
public final class MessageProperties {
  /** Separates a key from its value. */
  public static final char NAME_VALUE_SEPARATOR = '\u0001';

  /** Ends every key/value pair. */
  public static final char PROPERTY_SEPARATOR = '\u0002';

  private MessageProperties() {}

  /** Parses a properties string; null or empty text gives an empty map. Never throws. */
  public static Map<String, String> parse(String text) {
    Map<String, String> properties = new LinkedHashMap<>();
    if (text == null) {
      return properties;
    }
    int length = text.length();
    int start = 0;
    while (start < length) {
      int end = text.indexOf(PROPERTY_SEPARATOR, start);
      if (end < 0) {
        end = length;
      }
      if (end - start >= 3) {
        int separator = text.indexOf(NAME_VALUE_SEPARATOR, start);
        if (separator > start && separator < end - 1) {
          properties.put(text.substring(start, separator), text.substring(separator + 1, end));
        }
      }
      start = end + 1;
    }
    return properties;
  }

  /**
   * Formats properties in map order, each pair followed by {@code 0x02}. Entries whose value is
   * null are skipped. An empty value is written as RocketMQ writes it, and like there it is dropped
   * again by {@link #parse(String)}.
   *
   * @throws IllegalArgumentException when a key is empty or contains a separator, or a value
   *     contains {@code 0x02} (the text would not parse back into the same entry)
   */
  public static String format(Map<String, String> properties) {
    StringBuilder out = new StringBuilder(properties.size() * 24);
    for (Map.Entry<String, String> entry : properties.entrySet()) {
      String key = entry.getKey();
      String value = entry.getValue();
      if (value == null) {
        continue;
      }
      checkKey(key);
      if (value.indexOf(PROPERTY_SEPARATOR) >= 0) {
        throw new IllegalArgumentException(
            "value of property " + key + " contains the property separator 0x02");
      }
      out.append(key).append(NAME_VALUE_SEPARATOR).append(value).append(PROPERTY_SEPARATOR);
    }
    return out.toString();
  }

  /** The business keys of a {@code KEYS} value (space-separated; empty tokens ignored). */
  public static List<String> splitKeys(String keys) {
    List<String> tokens = new ArrayList<>();
    if (keys == null) {
      return tokens;
    }
    for (String token : keys.split(MessagePropertyKeys.KEY_SEPARATOR)) {
      if (!token.isEmpty()) {
        tokens.add(token);
      }
    }
    return tokens;
  }

  private static void checkKey(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("property key must not be empty: " + key);
    }
    if (key.indexOf(NAME_VALUE_SEPARATOR) >= 0 || key.indexOf(PROPERTY_SEPARATOR) >= 0) {
      throw new IllegalArgumentException("property key contains a separator: " + escape(key));
    }
  }

  private static String escape(String text) {
    return text.replace("\u0001", "\\u0001").replace("\u0002", "\\u0002");
  }
}
