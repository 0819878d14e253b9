package io.duetmq.store.dispatch;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Finds the values the store needs ({@code TAGS}, {@code KEYS}, {@code UNIQ_KEY}) in a record's
 * properties bytes ({@code key 0x01 value 0x02 ...}) without building a map. Later duplicates win,
 * as in RocketMQ's parser. Not thread-safe: one instance per dispatcher.
 */
final class PropertyScanner {
  static final char NAME_VALUE_SEPARATOR = 1;
  static final char PROPERTY_SEPARATOR = 2;
  private static final byte[] TAGS = "TAGS".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] KEYS = "KEYS".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] UNIQ_KEY = "UNIQ_KEY".getBytes(StandardCharsets.US_ASCII);

  private String tags;
  private String keys;
  private String uniqKey;

  /** Scans {@code length} bytes at {@code index} of {@code buf}. */
  void scan(ByteBuffer buf, int index, int length) {
    tags = null;
    keys = null;
    uniqKey = null;
    int end = index + length;
    int entryStart = index;
    while (entryStart < end) {
      int separator = -1;
      int entryEnd = entryStart;
      while (entryEnd < end && buf.get(entryEnd) != PROPERTY_SEPARATOR) {
        if (separator < 0 && entryEnd > entryStart && buf.get(entryEnd) == NAME_VALUE_SEPARATOR) {
          separator = entryEnd;
        }
        entryEnd++;
      }
      if (separator > 0 && separator < entryEnd - 1) {
        take(buf, entryStart, separator, entryEnd);
      }
      entryStart = entryEnd + 1;
    }
  }

  private void take(ByteBuffer buf, int keyStart, int separator, int valueEnd) {
    int keyLength = separator - keyStart;
    if (matches(buf, keyStart, keyLength, TAGS)) {
      tags = string(buf, separator + 1, valueEnd);
    } else if (matches(buf, keyStart, keyLength, KEYS)) {
      keys = string(buf, separator + 1, valueEnd);
    } else if (matches(buf, keyStart, keyLength, UNIQ_KEY)) {
      uniqKey = string(buf, separator + 1, valueEnd);
    }
  }

  private static boolean matches(ByteBuffer buf, int start, int length, byte[] name) {
    if (length != name.length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (buf.get(start + i) != name[i]) {
        return false;
      }
    }
    return true;
  }

  private static String string(ByteBuffer buf, int from, int to) {
    byte[] bytes = new byte[to - from];
    buf.get(from, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The TAGS value, or null. */
  String tags() {
    return tags;
  }

  /** The KEYS value (space-separated keys), or null. */
  String keys() {
    return keys;
  }

  /** The UNIQ_KEY value, or null. */
  String uniqKey() {
    return uniqKey;
  }
}
