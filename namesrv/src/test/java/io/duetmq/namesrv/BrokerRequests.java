package io.duetmq.namesrv;

import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/** Builds NameServer requests as a RocketMQ 5.3.3 broker or client sends them. */
final class BrokerRequests {

  static final String CLUSTER = "DefaultCluster";

  private BrokerRequests() {}

  /** A topic entry of the register body, in the real broker's fastjson form. */
  static String topic(String name, int queues, int perm) {
    return "\""
        + name
        + "\":{\"attributes\":{},\"order\":false,\"perm\":"
        + perm
        + ",\"readQueueNums\":"
        + queues
        + ",\"topicFilterType\":\"SINGLE_TAG\",\"topicName\":\""
        + name
        + "\",\"topicSysFlag\":0,\"writeQueueNums\":"
        + queues
        + "}";
  }

  static byte[] body(long counter, String... topics) {
    String json =
        "{\"filterServerList\":[],\"topicConfigSerializeWrapper\":{\"dataVersion\":{\"counter\":"
            + counter
            + ",\"stateVersion\":0,\"timestamp\":1700000000000},"
            + "\"mappingDataVersion\":{\"counter\":0,\"stateVersion\":0,\"timestamp\":1700000000000},"
            + "\"topicConfigTable\":{"
            + String.join(",", topics)
            + "},\"topicQueueMappingDetailMap\":{},\"topicQueueMappingInfoMap\":{}}}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  static Map<String, String> registerHeader(String brokerAddr, String brokerName, long brokerId) {
    Map<String, String> header = new LinkedHashMap<>();
    header.put("brokerAddr", brokerAddr);
    header.put("brokerId", Long.toString(brokerId));
    header.put("brokerName", brokerName);
    header.put("clusterName", CLUSTER);
    header.put("compressed", "false");
    header.put("enableActingMaster", "false");
    header.put("haServerAddr", brokerAddr.replace(":10911", ":10912"));
    header.put("heartbeatTimeoutMillis", "120000");
    return header;
  }

  static RemotingCommand register(
      String brokerAddr, String brokerName, long brokerId, byte[] body) {
    Map<String, String> header = registerHeader(brokerAddr, brokerName, brokerId);
    header.put("bodyCrc32", Integer.toString(crc32(body)));
    return RemotingCommand.request(103, header, body);
  }

  static RemotingCommand unregister(String brokerAddr, String brokerName, long brokerId) {
    return RemotingCommand.request(
        104,
        Map.of(
            "brokerAddr", brokerAddr,
            "brokerId", Long.toString(brokerId),
            "brokerName", brokerName,
            "clusterName", CLUSTER),
        null);
  }

  static RemotingCommand route(String topic) {
    return RemotingCommand.request(105, Map.of("topic", topic), null);
  }

  static int crc32(byte[] body) {
    CRC32 crc = new CRC32();
    crc.update(body);
    return (int) (crc.getValue() & 0x7FFFFFFF);
  }
}
