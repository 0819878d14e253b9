package io.duetmq.namesrv.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.namesrv.codec.NamesrvJsonEncoder.Dialect;
import io.duetmq.namesrv.route.BrokerData;
import io.duetmq.namesrv.route.ClusterInfo;
import io.duetmq.namesrv.route.QueueData;
import io.duetmq.namesrv.route.TopicList;
import io.duetmq.namesrv.route.TopicRouteData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.rocketmq.remoting.protocol.body.KVTable;
import org.junit.jupiter.api.Test;

class NamesrvJsonEncoderTest {

  private static final BrokerData BROKER_A =
      new BrokerData(
          "DefaultCluster",
          "broker-a",
          new TreeMap<>(Map.of(0L, "10.0.0.1:10911", 1L, "10.0.0.2:10911")),
          false);
  private static final TopicRouteData ROUTE =
      new TopicRouteData(
          List.of(new QueueData("broker-a", 4, 4, 6, 0)), List.of(BROKER_A), Map.of(), null);

  @Test
  void shouldWriteStandardRouteJsonExactlyAsTheReferenceShows() {
    String json =
        new String(
            NamesrvJsonEncoder.topicRouteData(ROUTE, Dialect.STANDARD), StandardCharsets.UTF_8);

    assertThat(json)
        .isEqualTo(
            "{\"brokerDatas\":[{\"brokerAddrs\":{\"0\":\"10.0.0.1:10911\",\"1\":\"10.0.0.2:10911\"},"
                + "\"brokerName\":\"broker-a\",\"cluster\":\"DefaultCluster\","
                + "\"enableActingMaster\":false}],\"filterServerTable\":{},"
                + "\"queueDatas\":[{\"brokerName\":\"broker-a\",\"perm\":6,\"readQueueNums\":4,"
                + "\"topicSysFlag\":0,\"writeQueueNums\":4}]}");
  }

  @Test
  void shouldWriteRouteThatRocketMqDecodesTheSameInBothDialects() {
    for (Dialect dialect : Dialect.values()) {
      org.apache.rocketmq.remoting.protocol.route.TopicRouteData real =
          org.apache.rocketmq.remoting.protocol.route.TopicRouteData.decode(
              NamesrvJsonEncoder.topicRouteData(ROUTE.withOrderTopicConf("broker-a:4"), dialect),
              org.apache.rocketmq.remoting.protocol.route.TopicRouteData.class);

      assertThat(real.getBrokerDatas().get(0).getBrokerAddrs())
          .containsEntry(0L, "10.0.0.1:10911")
          .containsEntry(1L, "10.0.0.2:10911");
      assertThat(real.getQueueDatas().get(0).getWriteQueueNums()).isEqualTo(4);
      assertThat(real.getQueueDatas().get(0).getPerm()).isEqualTo(6);
      assertThat(real.getOrderTopicConf()).isEqualTo("broker-a:4");
    }
  }

  @Test
  void shouldWriteFastjsonDialectWithUnquotedBrokerIds() {
    String json =
        new String(
            NamesrvJsonEncoder.topicRouteData(ROUTE, Dialect.FASTJSON), StandardCharsets.UTF_8);

    assertThat(json).contains("\"brokerAddrs\":{0:\"10.0.0.1:10911\",1:\"10.0.0.2:10911\"}");
  }

  @Test
  void shouldWriteClusterInfoThatRocketMqDecodesWithKafkaExtensionIgnored() {
    ClusterInfo info =
        new ClusterInfo(
            new TreeMap<>(Map.of("broker-a", BROKER_A)),
            new TreeMap<>(Map.of("DefaultCluster", new TreeSet<>(List.of("broker-a")))),
            new TreeMap<>(Map.of("10.0.0.1:10911", "10.0.0.1:9092")));

    byte[] bytes = NamesrvJsonEncoder.clusterInfo(info, Dialect.FASTJSON);
    org.apache.rocketmq.remoting.protocol.body.ClusterInfo real =
        org.apache.rocketmq.remoting.protocol.body.ClusterInfo.decode(
            bytes, org.apache.rocketmq.remoting.protocol.body.ClusterInfo.class);

    assertThat(real.getClusterAddrTable()).containsOnlyKeys("DefaultCluster");
    assertThat(real.getClusterAddrTable().get("DefaultCluster")).containsExactly("broker-a");
    assertThat(real.getBrokerAddrTable().get("broker-a").getBrokerAddrs())
        .containsEntry(0L, "10.0.0.1:10911");
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .endsWith(",\"kafkaAddrTable\":{\"10.0.0.1:10911\":\"10.0.0.1:9092\"}}");
  }

  @Test
  void shouldWriteTopicListAndKvTableThatRocketMqDecodes() {
    org.apache.rocketmq.remoting.protocol.body.TopicList list =
        org.apache.rocketmq.remoting.protocol.body.TopicList.decode(
            NamesrvJsonEncoder.topicList(new TopicList(List.of("T", "TBW102"), "10.0.0.1:10911")),
            org.apache.rocketmq.remoting.protocol.body.TopicList.class);
    KVTable table =
        KVTable.decode(NamesrvJsonEncoder.kvTable(Map.of("T", "broker-a:4")), KVTable.class);

    assertThat(list.getTopicList()).containsExactlyInAnyOrder("T", "TBW102");
    assertThat(list.getBrokerAddr()).isEqualTo("10.0.0.1:10911");
    assertThat(table.getTable()).containsExactly(Map.entry("T", "broker-a:4"));
  }

  @Test
  void shouldWriteTopicListWithoutBrokerAddrWhenNoneIsSet() {
    assertThat(
            new String(
                NamesrvJsonEncoder.topicList(new TopicList(List.of("A"), null)),
                StandardCharsets.UTF_8))
        .isEqualTo("{\"topicList\":[\"A\"]}");
  }
}
