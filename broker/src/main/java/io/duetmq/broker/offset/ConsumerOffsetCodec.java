package io.duetmq.broker.offset;

import io.duetmq.broker.config.ConfigJson;
import io.duetmq.broker.json.JsonObject;
import io.duetmq.broker.json.JsonValue;
import io.duetmq.broker.json.JsonWriter;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.TreeMap;

/**
 * RocketMQ's {@code consumerOffset.json}: {@code {"offsetTable":{"T@G":{0:12,1:7}}}} (topic
 * {@code @} group; fastjson writes the queue ids unquoted, we write them quoted, both read back).
 * DuetMQ adds {@code "duetmqLogOffset"}: the queue offset of the offset journal up to which the
 * snapshot includes every journaled change; RocketMQ ignores it. Other members ({@code
 * dataVersion}, {@code groupTopicMap}, ...) are ignored on read.
 *
 * <p>A table key splits at its first {@code @}: RocketMQ and Kafka topic names cannot contain one,
 * Kafka group ids can. Keys without {@code @} are skipped with a WARNING. Stateless and
 * thread-safe.
 */
final class ConsumerOffsetCodec {
  private static final System.Logger LOG = System.getLogger(ConsumerOffsetCodec.class.getName());
  static final String LOG_OFFSET_FIELD = "duetmqLogOffset";

  /**
   * A decoded file.
   *
   * @param offsets (topic, group) to queue id to offset
   * @param journalOffset journal position the snapshot covers (0 when the file has none)
   */
  record Snapshot(Map<OffsetKey, Map<Integer, Long>> offsets, long journalOffset) {}

  private ConsumerOffsetCodec() {}

  static Snapshot decode(JsonObject root) {
    Map<OffsetKey, Map<Integer, Long>> offsets = new TreeMap<>();
    JsonObject table = ConfigJson.object(root, "offsetTable");
    for (Map.Entry<String, JsonValue> entry : table.members().entrySet()) {
      String key = entry.getKey();
      int at = key.indexOf('@');
      if (at <= 0 || at == key.length() - 1) {
        LOG.log(Level.WARNING, "consumerOffset.json: skipping key ''{0}'' (not topic@group)", key);
        continue;
      }
      if (!(entry.getValue() instanceof JsonObject queues)) {
        throw new IllegalArgumentException("offsetTable[" + key + "] is not an object");
      }
      Map<Integer, Long> byQueue = new TreeMap<>();
      for (Map.Entry<String, JsonValue> queue : queues.members().entrySet()) {
        int queueId;
        try {
          queueId = Integer.parseInt(queue.getKey());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "offsetTable[" + key + "] has queue id '" + queue.getKey() + "'", e);
        }
        byQueue.put(queueId, ConfigJson.asLong(key + "/" + queueId, queue.getValue()));
      }
      offsets.put(new OffsetKey(key.substring(0, at), key.substring(at + 1)), byQueue);
    }
    return new Snapshot(offsets, ConfigJson.longValue(root, LOG_OFFSET_FIELD, 0));
  }

  static String encode(Map<OffsetKey, Map<Integer, Long>> offsets, long journalOffset) {
    JsonWriter out = new JsonWriter().beginObject().name("offsetTable").beginObject();
    for (Map.Entry<OffsetKey, Map<Integer, Long>> entry : offsets.entrySet()) {
      out.name(entry.getKey().topic() + "@" + entry.getKey().group()).beginObject();
      for (Map.Entry<Integer, Long> queue : entry.getValue().entrySet()) {
        out.name(Integer.toString(queue.getKey())).value(queue.getValue());
      }
      out.endObject();
    }
    return out.endObject().name(LOG_OFFSET_FIELD).value(journalOffset).endObject().toString();
  }
}
