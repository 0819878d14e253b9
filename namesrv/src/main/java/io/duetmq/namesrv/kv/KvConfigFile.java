package io.duetmq.namesrv.kv;

import io.duetmq.broker.json.JsonObject;
import io.duetmq.broker.json.JsonParseException;
import io.duetmq.broker.json.JsonReader;
import io.duetmq.broker.json.JsonString;
import io.duetmq.broker.json.JsonValue;
import io.duetmq.broker.json.JsonWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes {@code kvConfig.json}: {@code {"configTable":{namespace:{key:value}}}}, the
 * layout RocketMQ's NameServer uses, so an existing file can be reused.
 *
 * <p>Writes go to {@code <file>.tmp}, are forced to disk, then renamed over the file atomically: a
 * crash leaves either the old or the new content, never a torn file.
 *
 * <p>Stateless; callers serialise writes to the same file.
 */
final class KvConfigFile {

  private KvConfigFile() {}

  /** The table in {@code file}; empty when the file does not exist. */
  static Map<String, Map<String, String>> read(Path file) throws IOException {
    Map<String, Map<String, String>> table = new TreeMap<>();
    if (!Files.exists(file)) {
      return table;
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      return table;
    }
    try {
      JsonValue root = JsonReader.parse(text);
      JsonValue configTable = root instanceof JsonObject object ? object.get("configTable") : null;
      if (!(configTable instanceof JsonObject namespaces)) {
        throw new IOException(file + ": no \"configTable\" object");
      }
      for (Map.Entry<String, JsonValue> ns : namespaces.members().entrySet()) {
        if (!(ns.getValue() instanceof JsonObject entries)) {
          throw new IOException(file + ": namespace " + ns.getKey() + " is not an object");
        }
        Map<String, String> values = new TreeMap<>();
        for (Map.Entry<String, JsonValue> kv : entries.members().entrySet()) {
          if (!(kv.getValue() instanceof JsonString value)) {
            throw new IOException(file + ": " + ns.getKey() + "/" + kv.getKey() + " not a string");
          }
          values.put(kv.getKey(), value.value());
        }
        table.put(ns.getKey(), values);
      }
      return table;
    } catch (JsonParseException e) {
      throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** Replaces {@code file} with {@code table}, atomically. */
  static void write(Path file, Map<String, Map<String, String>> table) throws IOException {
    JsonWriter out = new JsonWriter().beginObject().name("configTable").beginObject();
    for (Map.Entry<String, Map<String, String>> ns : table.entrySet()) {
      out.name(ns.getKey()).beginObject();
      for (Map.Entry<String, String> kv : ns.getValue().entrySet()) {
        out.name(kv.getKey()).value(kv.getValue());
      }
      out.endObject();
    }
    out.endObject().endObject();
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel channel =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer bytes = ByteBuffer.wrap(out.toString().getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
