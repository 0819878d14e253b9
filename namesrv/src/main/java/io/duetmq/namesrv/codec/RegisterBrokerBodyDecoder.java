package io.duetmq.namesrv.codec;

import io.duetmq.broker.json.JsonObject;
import io.duetmq.broker.json.JsonParseException;
import io.duetmq.broker.json.JsonReader;
import io.duetmq.broker.json.JsonValue;
import io.duetmq.namesrv.route.DataVersion;
import io.duetmq.namesrv.route.TopicConfig;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.InflaterInputStream;

/**
 * Decodes a REGISTER_BROKER body (reference §2.2).
 *
 * <p>Plain form ({@code compressed=false}): the JSON {@code RegisterBrokerBody} — {@code
 * filterServerList} and {@code topicConfigSerializeWrapper} with {@code dataVersion} and {@code
 * topicConfigTable}; other members (queue mappings) are ignored. Deflated form ({@code
 * compressed=true}), a zlib stream of:
 *
 * <pre>
 *   int len | DataVersion JSON
 *   int topicCount | topicCount x (int len | "name read write perm filterType [attributes]")
 *   int len | filter-server JSON array
 *   (sender version >= 413 only) int count | count x (int len | queue-mapping JSON)   -- skipped
 * </pre>
 *
 * <p>Stateless and thread-safe. Malformed input raises {@link IllegalArgumentException} whose
 * message says what was wrong.
 */
public final class RegisterBrokerBodyDecoder {

  /** Largest single length field accepted in the deflated form (the frame limit). */
  static final int MAX_PART_LENGTH = 16 * 1024 * 1024;

  private static final String WRAPPER = "topicConfigSerializeWrapper.";

  private RegisterBrokerBodyDecoder() {}

  /**
   * @param body the request body; null means no topics
   * @param compressed the header's {@code compressed} flag
   */
  public static RegisterBrokerBody decode(byte[] body, boolean compressed) {
    if (body == null) {
      return RegisterBrokerBody.EMPTY;
    }
    return compressed ? decodeDeflated(body) : decodeJson(body);
  }

  /**
   * Decodes the body of brokers older than RocketMQ 3.0.11: the topic wrapper ({@code dataVersion},
   * {@code topicConfigTable}) is the whole body and there are no filter servers.
   */
  public static RegisterBrokerBody decodeWrapper(byte[] body) {
    if (body == null) {
      return RegisterBrokerBody.EMPTY;
    }
    JsonObject wrapper = JsonText.object(parse(body, "body"), "body");
    return fromWrapper(wrapper, List.of());
  }

  private static RegisterBrokerBody decodeJson(byte[] body) {
    JsonObject root = JsonText.object(parse(body, "body"), "body");
    JsonObject wrapper = JsonText.objectMember(root, "topicConfigSerializeWrapper", "");
    List<String> filterServers =
        JsonText.stringList(root.get("filterServerList"), "filterServerList");
    return fromWrapper(wrapper, filterServers);
  }

  private static RegisterBrokerBody fromWrapper(JsonObject wrapper, List<String> filterServers) {
    DataVersion version =
        dataVersion(JsonText.objectMember(wrapper, "dataVersion", WRAPPER), WRAPPER);
    JsonObject table = JsonText.objectMember(wrapper, "topicConfigTable", WRAPPER);
    Map<String, TopicConfig> configs = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> e : table.members().entrySet()) {
      String path = WRAPPER + "topicConfigTable." + e.getKey() + ".";
      JsonObject config = JsonText.object(e.getValue(), path);
      String name = JsonText.stringMember(config, "topicName", e.getKey(), path);
      configs.put(
          name,
          new TopicConfig(
              name,
              JsonText.intMember(config, "readQueueNums", 16, path),
              JsonText.intMember(config, "writeQueueNums", 16, path),
              JsonText.intMember(config, "perm", 6, path),
              JsonText.intMember(config, "topicSysFlag", 0, path)));
    }
    return new RegisterBrokerBody(version, configs, filterServers);
  }

  /** Reads a DataVersion object ({@code counter}, {@code stateVersion}, {@code timestamp}). */
  public static DataVersion dataVersion(JsonObject object, String path) {
    String prefix = path + "dataVersion.";
    return new DataVersion(
        JsonText.longMember(object, "stateVersion", 0, prefix),
        JsonText.longMember(object, "timestamp", 0, prefix),
        JsonText.longMember(object, "counter", 0, prefix));
  }

  private static RegisterBrokerBody decodeDeflated(byte[] body) {
    try (DataInputStream in =
        new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(body)))) {
      DataVersion version =
          dataVersion(JsonText.object(parse(part(in), "dataVersion"), "dataVersion"), "");
      int count = in.readInt();
      if (count < 0) {
        throw new IllegalArgumentException("negative topic count " + count);
      }
      Map<String, TopicConfig> configs = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        TopicConfig config = topicConfigText(new String(part(in), StandardCharsets.UTF_8));
        configs.put(config.topicName(), config);
      }
      List<String> filterServers =
          JsonText.stringList(parse(part(in), "filterServerList"), "filterServerList");
      // queue-mapping entries (static topics) follow for 5.x senders; not supported, ignored
      return new RegisterBrokerBody(version, configs, filterServers);
    } catch (EOFException e) {
      throw new IllegalArgumentException("compressed body ends early", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("compressed body is not a zlib stream: " + e, e);
    }
  }

  private static byte[] part(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_PART_LENGTH) {
      throw new IllegalArgumentException("bad length " + length + " in compressed body");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
  }

  /** Parses RocketMQ's space-separated topic form {@code name read write perm filterType ...}. */
  static TopicConfig topicConfigText(String text) {
    String[] fields = text.split(" ");
    if (fields.length < 5) {
      throw new IllegalArgumentException("topic config needs 5 fields: '" + text + "'");
    }
    try {
      return new TopicConfig(
          fields[0],
          Integer.parseInt(fields[1]),
          Integer.parseInt(fields[2]),
          Integer.parseInt(fields[3]),
          0);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad number in topic config '" + text + "'", e);
    }
  }

  private static JsonValue parse(byte[] bytes, String what) {
    try {
      return JsonReader.parse(new String(bytes, StandardCharsets.UTF_8));
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(what + " is not JSON: " + e.getMessage(), e);
    }
  }
}
