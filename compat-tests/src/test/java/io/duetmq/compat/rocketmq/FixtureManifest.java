package io.duetmq.compat.rocketmq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads {@code rocketmq-5.3.3-store.messages.jsonl} (one flat JSON object per line, with one nested
 * {@code properties} object) into {@link Entry} values. A minimal JSON reader, enough for this
 * file: objects, strings with escapes, numbers, {@code true}/{@code false}/{@code null}.
 */
final class FixtureManifest {
  /**
   * One message as the producer saw it. Batched messages list no property map (null), only their
   * {@code seq} user property.
   */
  record Entry(
      String topic,
      int queueId,
      long queueOffset,
      String keys,
      String tags,
      Map<String, String> properties,
      String seq,
      String bodySha256) {

    /** {@code topic/queueId/queueOffset}: where the message lies. */
    String position() {
      return topic + "/" + queueId + "/" + queueOffset;
    }
  }

  private final String text;
  private int at;

  private FixtureManifest(String text) {
    this.text = text;
  }

  static List<Entry> read(Path jsonl) {
    List<Entry> entries = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          entries.add(toEntry(new FixtureManifest(line).object()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + jsonl, e);
    }
    return entries;
  }

  private static Entry toEntry(Map<String, Object> json) {
    @SuppressWarnings("unchecked") // the manifest's properties object holds only strings
    Map<String, String> properties = (Map<String, String>) (Map<String, ?>) json.get("properties");
    String seq = properties == null ? (String) json.get("seq") : properties.get("seq");
    return new Entry(
        (String) json.get("topic"),
        Integer.parseInt((String) json.get("queueId")),
        Long.parseLong((String) json.get("queueOffset")),
        (String) json.get("keys"),
        (String) json.get("tags"),
        properties == null ? null : new TreeMap<>(properties),
        seq,
        (String) json.get("bodySha256"));
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    expect('{');
    skipSpace();
    if (peek() == '}') {
      at++;
      return map;
    }
    while (true) {
      skipSpace();
      String key = string();
      skipSpace();
      expect(':');
      skipSpace();
      map.put(key, value());
      skipSpace();
      char next = text.charAt(at++);
      if (next == '}') {
        return map;
      }
      if (next != ',') {
        throw new IllegalArgumentException("expected , or } at " + (at - 1) + " in " + text);
      }
    }
  }

  private Object value() {
    char c = peek();
    if (c == '{') {
      return object();
    }
    if (c == '"') {
      return string();
    }
    int start = at;
    while (at < text.length() && ",}] \t".indexOf(text.charAt(at)) < 0) {
      at++;
    }
    String literal = text.substring(start, at);
    return literal.equals("null") ? null : literal;
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = text.charAt(at++);
      if (c == '"') {
        return out.toString();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char escaped = text.charAt(at++);
      switch (escaped) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          at += 4;
        }
        default -> out.append(escaped);
      }
    }
  }

  private char peek() {
    return text.charAt(at);
  }

  private void expect(char c) {
    if (text.charAt(at) != c) {
      throw new IllegalArgumentException("expected " + c + " at " + at + " in " + text);
    }
    at++;
  }

  private void skipSpace() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }
}
