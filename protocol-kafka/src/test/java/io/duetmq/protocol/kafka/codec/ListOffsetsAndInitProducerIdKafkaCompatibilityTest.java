package io.duetmq.protocol.kafka.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.common.message.InitProducerIdRequestData;
import org.apache.kafka.common.message.ListOffsetsRequestData;
import org.apache.kafka.common.message.ListOffsetsResponseData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ListOffsets v1–10 and InitProducerId v0–5 against kafka-clients 4.1. */
class ListOffsetsAndInitProducerIdKafkaCompatibilityTest {

  static IntStream listOffsetsVersions() {
    return IntStream.rangeClosed(1, 10);
  }

  static IntStream initProducerIdVersions() {
    return IntStream.rangeClosed(0, 5);
  }

  // ---- ListOffsets ----

  private static org.apache.kafka.common.requests.ListOffsetsRequest kafkaListOffsets(short v) {
    var partitions =
        List.of(
            new ListOffsetsRequestData.ListOffsetsPartition()
                .setPartitionIndex(0)
                .setCurrentLeaderEpoch(v >= 4 ? 3 : -1)
                .setTimestamp(ListOffsetsRequest.EARLIEST_TIMESTAMP),
            new ListOffsetsRequestData.ListOffsetsPartition()
                .setPartitionIndex(1)
                .setTimestamp(1_700_000_000_000L));
    var topics =
        List.of(
            new ListOffsetsRequestData.ListOffsetsTopic()
                .setName("orders")
                .setPartitions(partitions));
    var isolation =
        v >= 2
            ? org.apache.kafka.common.IsolationLevel.READ_COMMITTED
            : org.apache.kafka.common.IsolationLevel.READ_UNCOMMITTED;
    var builder =
        org.apache.kafka.common.requests.ListOffsetsRequest.Builder.forConsumer(true, isolation)
            .setTargetTimes(topics);
    if (v >= 10) {
      builder.setTimeoutMs(1500);
    }
    return builder.build(v);
  }

  @ParameterizedTest
  @MethodSource("listOffsetsVersions")
  void shouldDecodeKafkaClientsListOffsetsRequests(int v) {
    short version = (short) v;
    byte[] wire = KafkaWire.body(kafkaListOffsets(version));
    ListOffsetsRequest request =
        KafkaWire.decodeFully(wire, r -> ListOffsetsCodec.decodeRequest(r, version));
    assertThat(request.replicaId()).isEqualTo(-1);
    assertThat(request.isolationLevel()).isEqualTo((byte) (v >= 2 ? 1 : 0));
    assertThat(request.timeoutMs()).isEqualTo(v >= 10 ? 1500 : 0);
    var topic = request.topics().get(0);
    assertThat(topic.name()).isEqualTo("orders");
    assertThat(topic.partitions())
        .containsExactly(
            new ListOffsetsRequest.Partition(0, v >= 4 ? 3 : -1, -2L),
            new ListOffsetsRequest.Partition(1, -1, 1_700_000_000_000L));
    assertThat(Bytes.encode(w -> ListOffsetsCodec.encodeRequest(w, request, version)))
        .containsExactly(wire);
  }

  @ParameterizedTest
  @MethodSource("listOffsetsVersions")
  void shouldEncodeListOffsetsResponsesThatKafkaClientsParse(int v) {
    short version = (short) v;
    var ours =
        new ListOffsetsResponse(
            12,
            List.of(
                new ListOffsetsResponse.Topic(
                    "orders",
                    List.of(
                        ListOffsetsResponse.Partition.found(0, -1L, 40L, 3),
                        ListOffsetsResponse.Partition.failed(
                            1, ErrorCode.NOT_LEADER_OR_FOLLOWER)))));
    org.apache.kafka.common.requests.ListOffsetsResponse parsed =
        KafkaWire.parseOurResponse(
            ApiKeys.LIST_OFFSETS,
            org.apache.kafka.common.protocol.ApiKeys.LIST_OFFSETS,
            version,
            w -> ListOffsetsCodec.encodeResponse(w, ours, version));
    assertThat(parsed.throttleTimeMs()).isEqualTo(v >= 2 ? 12 : 0);
    ListOffsetsResponseData.ListOffsetsTopicResponse topic = parsed.topics().get(0);
    assertThat(topic.name()).isEqualTo("orders");
    var p0 = topic.partitions().get(0);
    assertThat(p0.errorCode()).isZero();
    assertThat(p0.offset()).isEqualTo(40L);
    assertThat(p0.timestamp()).isEqualTo(-1L);
    assertThat(p0.leaderEpoch()).isEqualTo(v >= 4 ? 3 : -1);
    var p1 = topic.partitions().get(1);
    assertThat(p1.partitionIndex()).isEqualTo(1);
    assertThat(p1.errorCode()).isEqualTo((short) 6);
    assertThat(p1.offset()).isEqualTo(-1L);
  }

  // ---- InitProducerId ----

  @ParameterizedTest
  @MethodSource("initProducerIdVersions")
  void shouldDecodeKafkaClientsInitProducerIdRequests(int v) {
    short version = (short) v;
    var data =
        new InitProducerIdRequestData()
            .setTransactionalId(v % 2 == 0 ? null : "tx-7")
            .setTransactionTimeoutMs(60_000);
    if (v >= 3) {
      data.setProducerId(4711L).setProducerEpoch((short) 2);
    }
    var request =
        new org.apache.kafka.common.requests.InitProducerIdRequest.Builder(data).build(version);
    byte[] wire = KafkaWire.body(request);
    InitProducerIdRequest decoded =
        KafkaWire.decodeFully(wire, r -> InitProducerIdCodec.decodeRequest(r, version));
    assertThat(decoded.transactionalId()).isEqualTo(v % 2 == 0 ? null : "tx-7");
    assertThat(decoded.transactionTimeoutMs()).isEqualTo(60_000);
    assertThat(decoded.producerId()).isEqualTo(v >= 3 ? 4711L : -1L);
    assertThat(decoded.producerEpoch()).isEqualTo((short) (v >= 3 ? 2 : -1));
    assertThat(decoded.isFreshInit()).isEqualTo(v < 3);
    assertThat(Bytes.encode(w -> InitProducerIdCodec.encodeRequest(w, decoded, version)))
        .containsExactly(wire);
  }

  @ParameterizedTest
  @MethodSource("initProducerIdVersions")
  void shouldEncodeInitProducerIdResponsesThatKafkaClientsParse(int v) {
    short version = (short) v;
    org.apache.kafka.common.requests.InitProducerIdResponse ok =
        KafkaWire.parseOurResponse(
            ApiKeys.INIT_PRODUCER_ID,
            org.apache.kafka.common.protocol.ApiKeys.INIT_PRODUCER_ID,
            version,
            w ->
                InitProducerIdCodec.encodeResponse(
                    w, InitProducerIdResponse.of(1000L, (short) 0), version));
    assertThat(ok.data().producerId()).isEqualTo(1000L);
    assertThat(ok.data().producerEpoch()).isZero();
    assertThat(ok.error()).isEqualTo(org.apache.kafka.common.protocol.Errors.NONE);
    org.apache.kafka.common.requests.InitProducerIdResponse failed =
        KafkaWire.parseOurResponse(
            ApiKeys.INIT_PRODUCER_ID,
            org.apache.kafka.common.protocol.ApiKeys.INIT_PRODUCER_ID,
            version,
            w ->
                InitProducerIdCodec.encodeResponse(
                    w,
                    InitProducerIdResponse.failed(ErrorCode.COORDINATOR_NOT_AVAILABLE),
                    version));
    assertThat(failed.error())
        .isEqualTo(org.apache.kafka.common.protocol.Errors.COORDINATOR_NOT_AVAILABLE);
    assertThat(failed.data().producerId()).isEqualTo(-1L);
  }
}
