package io.duetmq.namesrv.codec;

import io.duetmq.namesrv.route.BrokerData;
import io.duetmq.namesrv.route.ClusterInfo;
import io.duetmq.namesrv.route.DataVersion;
import io.duetmq.namesrv.route.QueueData;
import io.duetmq.namesrv.route.TopicList;
import io.duetmq.namesrv.route.TopicRouteData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * Writes NameServer response bodies as UTF-8 JSON with members in alphabetical order, as fastjson
 * does. Two dialects differ only in broker-id map keys: {@link Dialect#STANDARD} quotes them
 * ({@code {"0":"a"}}), {@link Dialect#FASTJSON} does not ({@code {0:"a"}}) — what a real NameServer
 * sends to old clients and in cluster info. Both client generations read both.
 *
 * <p>Stateless and thread-safe.
 */
public final class NamesrvJsonEncoder {

  /** How broker-id keys are written. */
  public enum Dialect {
    STANDARD,
    FASTJSON
  }

  private NamesrvJsonEncoder() {}

  /**
   * {@code {"brokerDatas":[...],"filterServerTable":{...},"orderTopicConf":..,"queueDatas":[...]}}.
   */
  public static byte[] topicRouteData(TopicRouteData route, Dialect dialect) {
    StringBuilder out = new StringBuilder(256);
    out.append('{');
    JsonText.name(out, "brokerDatas", true);
    out.append('[');
    for (int i = 0; i < route.brokerDatas().size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      brokerData(out, route.brokerDatas().get(i), dialect);
    }
    out.append(']');
    JsonText.name(out, "filterServerTable", false);
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, List<String>> e : new TreeMap<>(route.filterServerTable()).entrySet()) {
      JsonText.name(out, e.getKey(), first);
      stringArray(out, e.getValue());
      first = false;
    }
    out.append('}');
    if (route.orderTopicConf() != null) {
      JsonText.name(out, "orderTopicConf", false);
      out.append(JsonText.quote(route.orderTopicConf()));
    }
    JsonText.name(out, "queueDatas", false);
    out.append('[');
    for (int i = 0; i < route.queueDatas().size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      queueData(out, route.queueDatas().get(i));
    }
    out.append("]}");
    return bytes(out);
  }

  /**
   * {@code {"brokerAddrTable":{...},"clusterAddrTable":{...}}}, plus DuetMQ's {@code
   * "kafkaAddrTable":{brokerAddr:kafkaAddr}} when a live broker published a Kafka listener.
   */
  public static byte[] clusterInfo(ClusterInfo info, Dialect dialect) {
    StringBuilder out = new StringBuilder(256);
    out.append('{');
    JsonText.name(out, "brokerAddrTable", true);
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, BrokerData> e : info.brokerAddrTable().entrySet()) {
      JsonText.name(out, e.getKey(), first);
      brokerData(out, e.getValue(), dialect);
      first = false;
    }
    out.append('}');
    JsonText.name(out, "clusterAddrTable", false);
    out.append('{');
    first = true;
    for (Map.Entry<String, SortedSet<String>> e : info.clusterAddrTable().entrySet()) {
      JsonText.name(out, e.getKey(), first);
      stringArray(out, List.copyOf(e.getValue()));
      first = false;
    }
    out.append('}');
    if (!info.kafkaAddrTable().isEmpty()) {
      JsonText.name(out, "kafkaAddrTable", false);
      stringMap(out, info.kafkaAddrTable());
    }
    out.append('}');
    return bytes(out);
  }

  /** {@code {"brokerAddr":..,"topicList":[...]}} ({@code brokerAddr} only when set). */
  public static byte[] topicList(TopicList list) {
    StringBuilder out = new StringBuilder(64);
    out.append('{');
    boolean first = true;
    if (list.brokerAddr() != null) {
      JsonText.name(out, "brokerAddr", true);
      out.append(JsonText.quote(list.brokerAddr()));
      first = false;
    }
    JsonText.name(out, "topicList", first);
    stringArray(out, list.topics());
    out.append('}');
    return bytes(out);
  }

  /** {@code {"table":{key:value,...}}} (RocketMQ's KVTable). */
  public static byte[] kvTable(Map<String, String> table) {
    StringBuilder out = new StringBuilder(64);
    out.append('{');
    JsonText.name(out, "table", true);
    stringMap(out, new TreeMap<>(table));
    out.append('}');
    return bytes(out);
  }

  /** {@code {"counter":..,"stateVersion":..,"timestamp":..}}. */
  public static byte[] dataVersion(DataVersion version) {
    return ("{\"counter\":"
            + version.counter()
            + ",\"stateVersion\":"
            + version.stateVersion()
            + ",\"timestamp\":"
            + version.timestamp()
            + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void brokerData(StringBuilder out, BrokerData data, Dialect dialect) {
    out.append('{');
    JsonText.name(out, "brokerAddrs", true);
    out.append('{');
    boolean first = true;
    for (Map.Entry<Long, String> e : data.brokerAddrs().entrySet()) {
      if (!first) {
        out.append(',');
      }
      if (dialect == Dialect.STANDARD) {
        out.append('"').append(e.getKey()).append('"');
      } else {
        out.append(e.getKey());
      }
      out.append(':').append(JsonText.quote(e.getValue()));
      first = false;
    }
    out.append('}');
    JsonText.name(out, "brokerName", false);
    out.append(JsonText.quote(data.brokerName()));
    JsonText.name(out, "cluster", false);
    out.append(JsonText.quote(data.cluster()));
    JsonText.name(out, "enableActingMaster", false);
    out.append(data.enableActingMaster());
    out.append('}');
  }

  private static void queueData(StringBuilder out, QueueData data) {
    out.append('{');
    JsonText.name(out, "brokerName", true);
    out.append(JsonText.quote(data.brokerName()));
    JsonText.name(out, "perm", false);
    out.append(data.perm());
    JsonText.name(out, "readQueueNums", false);
    out.append(data.readQueueNums());
    JsonText.name(out, "topicSysFlag", false);
    out.append(data.topicSysFlag());
    JsonText.name(out, "writeQueueNums", false);
    out.append(data.writeQueueNums());
    out.append('}');
  }

  private static void stringArray(StringBuilder out, List<String> values) {
    out.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(JsonText.quote(values.get(i)));
    }
    out.append(']');
  }

  private static void stringMap(StringBuilder out, Map<String, String> map) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, String> e : map.entrySet()) {
      JsonText.name(out, e.getKey(), first);
      out.append(JsonText.quote(e.getValue()));
      first = false;
    }
    out.append('}');
  }

  private static byte[] bytes(StringBuilder out) {
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
