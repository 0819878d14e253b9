package io.duetmq.protocol.kafka.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.duetmq.protocol.kafka.codec.ProduceRequest.PartitionData;
import io.duetmq.protocol.kafka.codec.ProduceResponse.PartitionResponse;
import io.duetmq.protocol.kafka.codec.ProduceResponse.RecordError;
import io.duetmq.protocol.kafka.codec.ProduceResponse.TopicResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.MessageUtil;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.SimpleRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Produce v3–13 against kafka-clients 4.1's own request and response classes. */
class ProduceCodecKafkaCompatibilityTest {
  static final UUID ORDERS_ID = new UUID(0x1111_2222_3333_4444L, 0x5555_6666_7777_8888L);

  static IntStream versions() {
    return IntStream.rangeClosed(3, 13);
  }

  private static MemoryRecords records(String value) {
    return MemoryRecords.withIdempotentRecords(
        Compression.NONE,
        7L,
        (short) 1,
        0,
        new SimpleRecord(10L, "k".getBytes(), value.getBytes()));
  }

  private static byte[] bytes(MemoryRecords records) {
    ByteBuffer b = records.buffer().duplicate();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  static org.apache.kafka.common.requests.ProduceRequest kafkaRequest(short version) {
    var topics = new ProduceRequestData.TopicProduceDataCollection();
    topics.add(
        new ProduceRequestData.TopicProduceData()
            .setName("orders")
            .setTopicId(
                new Uuid(ORDERS_ID.getMostSignificantBits(), ORDERS_ID.getLeastSignificantBits()))
            .setPartitionData(
                List.of(
                    new ProduceRequestData.PartitionProduceData()
                        .setIndex(0)
                        .setRecords(records("a")),
                    new ProduceRequestData.PartitionProduceData()
                        .setIndex(3)
                        .setRecords(records("bb")))));
    topics.add(
        new ProduceRequestData.TopicProduceData()
            .setName("payments")
            .setTopicId(new Uuid(1L, 2L))
            .setPartitionData(
                List.of(
                    new ProduceRequestData.PartitionProduceData().setIndex(1).setRecords(null))));
    var data =
        new ProduceRequestData()
            .setTransactionalId(version % 2 == 0 ? "tx-1" : null)
            .setAcks((short) -1)
            .setTimeoutMs(30_000)
            .setTopicData(topics);
    return new org.apache.kafka.common.requests.ProduceRequest(data, version);
  }

  @ParameterizedTest
  @MethodSource("versions")
  void shouldDecodeKafkaClientsRequestWithRecordsAsUncopiedSlices(int v) {
    short version = (short) v;
    byte[] wire = KafkaWire.body(kafkaRequest(version));
    ByteBuf frame = Unpooled.wrappedBuffer(wire);

    ProduceRequest request = ProduceCodec.decodeRequest(new KafkaReader(frame), version);

    assertThat(request.transactionalId()).isEqualTo(v % 2 == 0 ? "tx-1" : null);
    assertThat(request.acks()).isEqualTo((short) -1);
    assertThat(request.timeoutMs()).isEqualTo(30_000);
    assertThat(request.topics()).hasSize(2);
    var orders = request.topics().get(0);
    assertThat(orders.name()).isEqualTo(version <= 12 ? "orders" : null);
    assertThat(orders.topicId()).isEqualTo(version >= 13 ? ORDERS_ID : MetadataResponse.ZERO_UUID);
    assertThat(orders.partitions()).extracting(PartitionData::index).containsExactly(0, 3);
    ByteBuf first = orders.partitions().get(0).records();
    assertThat(ByteBufUtil.getBytes(first)).containsExactly(bytes(records("a")));
    assertThat(ByteBufUtil.getBytes(orders.partitions().get(1).records()))
        .containsExactly(bytes(records("bb")));
    assertThat(request.topics().get(1).partitions().get(0).records()).isNull();
    // a slice, not a copy: it shares the frame's memory and holds a reference to it
    assertThat(first.unwrap()).isSameAs(frame);
    assertThat(frame.refCnt()).isEqualTo(3);
    frame.release();
    assertThat(frame.refCnt()).isEqualTo(2);
    request.release();
    assertThat(frame.refCnt()).isZero();
  }

  @ParameterizedTest
  @MethodSource("versions")
  void shouldReleaseRetainedSlicesWhenDecodingFails(int v) {
    short version = (short) v;
    byte[] wire = KafkaWire.body(kafkaRequest(version));
    ByteBuf frame = Unpooled.wrappedBuffer(Arrays.copyOf(wire, wire.length - 3));
    assertThatThrownBy(() -> ProduceCodec.decodeRequest(new KafkaReader(frame), version))
        .isInstanceOf(KafkaCodecException.class);
    assertThat(frame.refCnt()).isEqualTo(1);
    frame.release();
  }

  @ParameterizedTest
  @MethodSource("versions")
  void shouldEncodeRequestsByteForByteLikeKafkaClients(int v) {
    short version = (short) v;
    byte[] wire = KafkaWire.body(kafkaRequest(version));
    ByteBuf frame = Unpooled.wrappedBuffer(wire);
    ProduceRequest decoded = ProduceCodec.decodeRequest(new KafkaReader(frame), version);
    assertThat(Bytes.encode(w -> ProduceCodec.encodeRequest(w, decoded, version)))
        .containsExactly(wire);
    decoded.release();
    frame.release();
  }

  static ProduceResponse sampleResponse() {
    List<PartitionResponse> partitions = new ArrayList<>();
    partitions.add(PartitionResponse.appended(0, 1234L, -1L, 10L));
    partitions.add(
        new PartitionResponse(
            3,
            ErrorCode.INVALID_RECORD.code(),
            -1L,
            -1L,
            -1L,
            List.of(new RecordError(2, "bad key"), new RecordError(5, null)),
            "batch rejected",
            null));
    partitions.add(
        new PartitionResponse(
            4,
            ErrorCode.NOT_LEADER_OR_FOLLOWER.code(),
            -1L,
            -1L,
            -1L,
            List.of(),
            null,
            new LeaderIdAndEpoch(2, 9)));
    return new ProduceResponse(
        List.of(new TopicResponse("orders", ORDERS_ID, partitions)),
        25,
        List.of(new NodeEndpoint(2, "broker-2", 9093, "rack-b")));
  }

  @ParameterizedTest
  @MethodSource("versions")
  void shouldEncodeResponsesThatKafkaClientsParse(int v) {
    short version = (short) v;
    org.apache.kafka.common.requests.ProduceResponse parsed =
        KafkaWire.parseOurResponse(
            ApiKeys.PRODUCE,
            org.apache.kafka.common.protocol.ApiKeys.PRODUCE,
            version,
            w -> ProduceCodec.encodeResponse(w, sampleResponse(), version));
    ProduceResponseData data = parsed.data();
    assertThat(data.throttleTimeMs()).isEqualTo(25);
    assertThat(data.responses()).hasSize(1);
    var topic = data.responses().iterator().next();
    assertThat(topic.name()).isEqualTo(version <= 12 ? "orders" : "");
    assertThat(topic.topicId().getMostSignificantBits())
        .isEqualTo(version >= 13 ? ORDERS_ID.getMostSignificantBits() : 0L);
    var p0 = topic.partitionResponses().get(0);
    assertThat(p0.index()).isZero();
    assertThat(p0.errorCode()).isZero();
    assertThat(p0.baseOffset()).isEqualTo(1234L);
    assertThat(p0.logAppendTimeMs()).isEqualTo(-1L);
    assertThat(p0.logStartOffset()).isEqualTo(version >= 5 ? 10L : -1L);
    var p3 = topic.partitionResponses().get(1);
    assertThat(p3.errorCode()).isEqualTo((short) 87);
    if (version >= 8) {
      assertThat(p3.recordErrors()).hasSize(2);
      assertThat(p3.recordErrors().get(0).batchIndex()).isEqualTo(2);
      assertThat(p3.recordErrors().get(0).batchIndexErrorMessage()).isEqualTo("bad key");
      assertThat(p3.recordErrors().get(1).batchIndexErrorMessage()).isNull();
      assertThat(p3.errorMessage()).isEqualTo("batch rejected");
    } else {
      assertThat(p3.recordErrors()).isEmpty();
      assertThat(p3.errorMessage()).isNull();
    }
    var p4 = topic.partitionResponses().get(2);
    assertThat(p4.errorCode()).isEqualTo((short) 6);
    assertThat(p4.currentLeader().leaderId()).isEqualTo(version >= 10 ? 2 : -1);
    assertThat(p4.currentLeader().leaderEpoch()).isEqualTo(version >= 10 ? 9 : -1);
    if (version >= 10) {
      var node = data.nodeEndpoints().find(2);
      assertThat(node.host()).isEqualTo("broker-2");
      assertThat(node.port()).isEqualTo(9093);
      assertThat(node.rack()).isEqualTo("rack-b");
    } else {
      assertThat(data.nodeEndpoints()).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("versions")
  void shouldEncodeResponsesByteForByteLikeKafkaClientsWhenNoTaggedFieldIsSet(int v) {
    short version = (short) v;
    var plain =
        new ProduceResponse(
            List.of(
                new TopicResponse(
                    "t", ORDERS_ID, List.of(PartitionResponse.appended(0, 5L, 99L, 0L)))));
    byte[] ours = Bytes.encode(w -> ProduceCodec.encodeResponse(w, plain, version));
    var topics = new ProduceResponseData.TopicProduceResponseCollection();
    topics.add(
        new ProduceResponseData.TopicProduceResponse()
            .setName(version <= 12 ? "t" : "")
            .setTopicId(
                version >= 13
                    ? new Uuid(
                        ORDERS_ID.getMostSignificantBits(), ORDERS_ID.getLeastSignificantBits())
                    : Uuid.ZERO_UUID)
            .setPartitionResponses(
                List.of(
                    new ProduceResponseData.PartitionProduceResponse()
                        .setIndex(0)
                        .setBaseOffset(5L)
                        .setLogAppendTimeMs(99L)
                        .setLogStartOffset(version >= 5 ? 0L : -1L))));
    ByteBuffer kafkaBytes =
        MessageUtil.toByteBufferAccessor(new ProduceResponseData().setResponses(topics), version)
            .buffer();
    byte[] kafkaArray = new byte[kafkaBytes.remaining()];
    kafkaBytes.get(kafkaArray);
    assertThat(ours).containsExactly(kafkaArray);
  }
}
