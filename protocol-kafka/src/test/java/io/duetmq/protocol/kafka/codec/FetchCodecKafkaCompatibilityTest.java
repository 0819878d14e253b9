package io.duetmq.protocol.kafka.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.duetmq.protocol.kafka.codec.FetchRequest.FetchPartition;
import io.duetmq.protocol.kafka.codec.FetchResponse.AbortedTransaction;
import io.duetmq.protocol.kafka.codec.FetchResponse.EpochEndOffset;
import io.duetmq.protocol.kafka.codec.FetchResponse.PartitionData;
import io.duetmq.protocol.kafka.codec.FetchResponse.TopicData;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.Record;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.record.SimpleRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Fetch v4–18 against kafka-clients 4.1, including the zero-copy response encoder. */
class FetchCodecKafkaCompatibilityTest {
  static final UUID TOPIC_ID = new UUID(0x0123_4567_89ab_cdefL, 0x7edc_ba98_7654_3210L);
  static final UUID DIR_ID = new UUID(5L, 6L);
  private static final UnpooledByteBufAllocator ALLOC = new UnpooledByteBufAllocator(false);

  static IntStream versions() {
    return IntStream.rangeClosed(4, 18);
  }

  private static Uuid kafkaUuid(UUID id) {
    return new Uuid(id.getMostSignificantBits(), id.getLeastSignificantBits());
  }

  static org.apache.kafka.common.requests.FetchRequest kafkaRequest(short v) {
    var partition =
        new FetchRequestData.FetchPartition()
            .setPartition(2)
            .setFetchOffset(1000L)
            .setPartitionMaxBytes(1_048_576)
            .setCurrentLeaderEpoch(v >= 9 ? 7 : -1)
            .setLastFetchedEpoch(v >= 12 ? 6 : -1)
            .setLogStartOffset(v >= 5 ? 12L : -1L)
            .setReplicaDirectoryId(v >= 17 ? kafkaUuid(DIR_ID) : Uuid.ZERO_UUID)
            .setHighWatermark(v >= 18 ? 999L : Long.MAX_VALUE);
    var topic =
        new FetchRequestData.FetchTopic()
            .setTopic(v <= 12 ? "orders" : "")
            .setTopicId(v >= 13 ? kafkaUuid(TOPIC_ID) : Uuid.ZERO_UUID)
            .setPartitions(
                List.of(partition, new FetchRequestData.FetchPartition().setPartition(0)));
    var data =
        new FetchRequestData()
            .setMaxWaitMs(500)
            .setMinBytes(1)
            .setMaxBytes(52_428_800)
            .setIsolationLevel((byte) 1)
            .setTopics(List.of(topic));
    if (v <= 14) {
      data.setReplicaId(-1);
    } else {
      data.setReplicaState(
          new FetchRequestData.ReplicaState().setReplicaId(3).setReplicaEpoch(44L));
    }
    if (v >= 7) {
      data.setSessionId(123).setSessionEpoch(4);
      data.setForgottenTopicsData(
          List.of(
              new FetchRequestData.ForgottenTopic()
                  .setTopic(v <= 12 ? "old" : "")
                  .setTopicId(v >= 13 ? kafkaUuid(TOPIC_ID) : Uuid.ZERO_UUID)
                  .setPartitions(List.of(4, 5))));
    }
    if (v >= 11) {
      data.setRackId("rack-a");
    }
    if (v >= 12) {
      data.setClusterId("cluster-1");
    }
    return new org.apache.kafka.common.requests.FetchRequest(data, v);
  }

  @ParameterizedTest
  @MethodSource("versions")
  void shouldDecodeKafkaClientsRequests(int v) {
    short version = (short) v;
    FetchRequest request =
        KafkaWire.decodeFully(
            KafkaWire.body(kafkaRequest(version)), r -> FetchCodec.decodeRequest(r, version));

    assertThat(request.maxWaitMs()).isEqualTo(500);
    assertThat(request.minBytes()).isEqualTo(1);
    assertThat(request.maxBytes()).isEqualTo(52_428_800);
    assertThat(request.readCommitted()).isTrue();
    assertThat(request.replicaId()).isEqualTo(v <= 14 ? -1 : 3);
    assertThat(request.replicaEpoch()).isEqualTo(v <= 14 ? -1L : 44L);
    assertThat(request.sessionId()).isEqualTo(v >= 7 ? 123 : 0);
    assertThat(request.sessionEpoch()).isEqualTo(v >= 7 ? 4 : -1);
    assertThat(request.rackId()).isEqualTo(v >= 11 ? "rack-a" : "");
    assertThat(request.clusterId()).isEqualTo(v >= 12 ? "cluster-1" : null);
    var topic = request.topics().get(0);
    assertThat(topic.topic()).isEqualTo(v <= 12 ? "orders" : null);
    assertThat(topic.topicId()).isEqualTo(v >= 13 ? TOPIC_ID : MetadataResponse.ZERO_UUID);
    FetchPartition p = topic.partitions().get(0);
    assertThat(p.partition()).isEqualTo(2);
    assertThat(p.fetchOffset()).isEqualTo(1000L);
    assertThat(p.partitionMaxBytes()).isEqualTo(1_048_576);
    assertThat(p.currentLeaderEpoch()).isEqualTo(v >= 9 ? 7 : -1);
    assertThat(p.lastFetchedEpoch()).isEqualTo(v >= 12 ? 6 : -1);
    assertThat(p.logStartOffset()).isEqualTo(v >= 5 ? 12L : -1L);
    assertThat(p.replicaDirectoryId()).isEqualTo(v >= 17 ? DIR_ID : MetadataResponse.ZERO_UUID);
    assertThat(p.highWatermark()).isEqualTo(v >= 18 ? 999L : Long.MAX_VALUE);
    assertThat(topic.partitions().get(1).partition()).isZero();
    if (v >= 7) {
      var forgotten = request.forgottenTopics().get(0);
      assertThat(forgotten.topic()).isEqualTo(v <= 12 ? "old" : null);
      assertThat(forgotten.partitions()).containsExactly(4, 5);
    } else {
      assertThat(request.forgottenTopics()).isEmpty();
    }
  }

  @Test
  void shouldDecodeTheJavaConsumersOwnFetchBuilder() {
    var partitions =
        new java.util.LinkedHashMap<
            org.apache.kafka.common.TopicPartition,
            org.apache.kafka.common.requests.FetchRequest.PartitionData>();
    partitions.put(
        new org.apache.kafka.common.TopicPartition("orders", 1),
        new org.apache.kafka.common.requests.FetchRequest.PartitionData(
            Uuid.ZERO_UUID, 77L, -1L, 1_048_576, java.util.Optional.of(3)));
    var request =
        org.apache.kafka.common.requests.FetchRequest.Builder.forConsumer(
                (short) 12, 500, 1, partitions)
            .rackId("r1")
            .build((short) 12);
    FetchRequest decoded =
        KafkaWire.decodeFully(
            KafkaWire.body(request), r -> FetchCodec.decodeRequest(r, (short) 12));
    assertThat(decoded.topics().get(0).topic()).isEqualTo("orders");
    assertThat(decoded.topics().get(0).partitions().get(0).fetchOffset()).isEqualTo(77L);
    assertThat(decoded.topics().get(0).partitions().get(0).currentLeaderEpoch()).isEqualTo(3);
    assertThat(decoded.rackId()).isEqualTo("r1");
    assertThat(decoded.sessionEpoch()).isEqualTo(-1); // the builder's default: sessionless
  }

  // ---- response ----

  private static byte[] batch(long baseOffset, String... values) {
    SimpleRecord[] records = new SimpleRecord[values.length];
    for (int i = 0; i < values.length; i++) {
      records[i] = new SimpleRecord(100L + i, ("k" + i).getBytes(), values[i].getBytes());
    }
    ByteBuffer b = MemoryRecords.withRecords(baseOffset, Compression.NONE, records).buffer();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  private static final byte[] FIRST = batch(40L, "a", "bb", "ccc");
  private static final byte[] SECOND = batch(43L, "dddd");

  /** Records as the store would hand them: the first batch split over two direct slices. */
  private static List<ByteBuf> storedSlices() {
    ByteBuf direct = Unpooled.directBuffer(FIRST.length + SECOND.length);
    direct.writeBytes(FIRST).writeBytes(SECOND);
    List<ByteBuf> slices = new ArrayList<>();
    slices.add(direct.retainedSlice(0, 20));
    slices.add(direct.retainedSlice(20, FIRST.length - 20));
    slices.add(direct.retainedSlice(FIRST.length, SECOND.length));
    direct.release();
    return slices;
  }

  static FetchResponse sampleResponse(List<ByteBuf> records) {
    PartitionData withData =
        new PartitionData(
            2,
            ErrorCode.NONE.code(),
            44L,
            44L,
            0L,
            new EpochEndOffset(5, 30L),
            new LeaderIdAndEpoch(1, 7),
            List.of(new AbortedTransaction(9L, 10L)),
            -1,
            records);
    PartitionData empty = PartitionData.of(0, 44L, 44L, 0L, List.of());
    PartitionData failed = PartitionData.failed(5, ErrorCode.OFFSET_OUT_OF_RANGE);
    PartitionData nullRecords = PartitionData.of(6, 1L, 1L, 0L, null);
    return new FetchResponse(
        15,
        ErrorCode.NONE.code(),
        0,
        List.of(new TopicData("orders", TOPIC_ID, List.of(withData, empty, failed, nullRecords))),
        List.of(new NodeEndpoint(1, "broker-1", 9092, null)));
  }

  private static byte[] headerAndBody(short version, ByteBuf body) {
    byte[] header =
        Bytes.encode(
            w -> new ResponseHeader(77, ApiKeys.FETCH.responseHeaderVersion(version)).encode(w));
    ByteBuf all = Unpooled.wrappedBuffer(Unpooled.wrappedBuffer(header), body.retainedDuplicate());
    try {
      return ByteBufUtil.getBytes(all);
    } finally {
      all.release();
    }
  }

  @ParameterizedTest
  @MethodSource("versions")
  void shouldEncodeResponsesWhoseRecordsKafkaClientsReadExactly(int v) {
    short version = (short) v;
    List<ByteBuf> slices = storedSlices();
    ByteBuf body = FetchCodec.encodeResponse(ALLOC, sampleResponse(slices), version);

    org.apache.kafka.common.requests.FetchResponse parsed =
        KafkaWire.parseResponseBytes(
            org.apache.kafka.common.protocol.ApiKeys.FETCH, version, headerAndBody(version, body));
    body.release();
    assertThat(slices).allSatisfy(s -> assertThat(s.refCnt()).isZero());

    FetchResponseData data = parsed.data();
    assertThat(data.throttleTimeMs()).isEqualTo(15);
    var topic = data.responses().get(0);
    assertThat(topic.topic()).isEqualTo(v <= 12 ? "orders" : "");
    assertThat(topic.topicId()).isEqualTo(v >= 13 ? kafkaUuid(TOPIC_ID) : Uuid.ZERO_UUID);
    assertThat(topic.partitions()).hasSize(4);
    FetchResponseData.PartitionData p = topic.partitions().get(0);
    assertThat(p.partitionIndex()).isEqualTo(2);
    assertThat(p.highWatermark()).isEqualTo(44L);
    assertThat(p.lastStableOffset()).isEqualTo(44L);
    assertThat(p.logStartOffset()).isEqualTo(v >= 5 ? 0L : -1L);
    assertThat(p.preferredReadReplica()).isEqualTo(-1);
    assertThat(p.abortedTransactions()).hasSize(1);
    assertThat(p.abortedTransactions().get(0).producerId()).isEqualTo(9L);
    assertThat(p.abortedTransactions().get(0).firstOffset()).isEqualTo(10L);
    assertThat(p.divergingEpoch().epoch()).isEqualTo(v >= 12 ? 5 : -1);
    assertThat(p.currentLeader().leaderId()).isEqualTo(v >= 12 ? 1 : -1);
    MemoryRecords records = (MemoryRecords) p.records();
    byte[] expected = new byte[FIRST.length + SECOND.length];
    System.arraycopy(FIRST, 0, expected, 0, FIRST.length);
    System.arraycopy(SECOND, 0, expected, FIRST.length, SECOND.length);
    assertThat(ByteBufUtil.getBytes(Unpooled.wrappedBuffer(records.buffer())))
        .containsExactly(expected);
    List<Long> offsets = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (RecordBatch batch : records.batches()) {
      assertThat(batch.isValid()).isTrue();
      for (Record record : batch) {
        offsets.add(record.offset());
        byte[] value = new byte[record.valueSize()];
        record.value().get(value);
        values.add(new String(value));
      }
    }
    assertThat(offsets).containsExactly(40L, 41L, 42L, 43L);
    assertThat(values).containsExactly("a", "bb", "ccc", "dddd");
    assertThat(topic.partitions().get(1).records().sizeInBytes()).isZero();
    assertThat(topic.partitions().get(1).abortedTransactions()).isNull();
    assertThat(topic.partitions().get(2).errorCode()).isEqualTo((short) 1);
    if (v >= 16) {
      assertThat(data.nodeEndpoints().find(1).host()).isEqualTo("broker-1");
    } else {
      assertThat(data.nodeEndpoints()).isEmpty();
    }
  }

  @Test
  void shouldSpliceRecordsIntoTheBodyWithoutCopyingThem() {
    List<ByteBuf> slices = storedSlices();
    ByteBuf body = FetchCodec.encodeResponse(ALLOC, sampleResponse(slices), (short) 12);
    assertThat(body).isInstanceOf(CompositeByteBuf.class);
    CompositeByteBuf composite = (CompositeByteBuf) body;
    List<ByteBuf> components = new ArrayList<>();
    for (int i = 0; i < composite.numComponents(); i++) {
      components.add(composite.internalComponent(i));
    }
    // the three record slices are components themselves, in order, between header fragments
    assertThat(components).containsSubsequence(slices.get(0), slices.get(1), slices.get(2));
    assertThat(composite.numComponents()).isEqualTo(5);
    // writing through the original slice is visible in the body: nothing was copied
    ByteBuf last = slices.get(2);
    int lastInBody = composite.toByteIndex(components.indexOf(last)) + last.readableBytes() - 1;
    byte before = body.getByte(lastInBody);
    last.setByte(last.readableBytes() - 1, before ^ 0x5A);
    assertThat(body.getByte(lastInBody)).isEqualTo((byte) (before ^ 0x5A));
    body.release();
    assertThat(slices).allSatisfy(s -> assertThat(s.refCnt()).isZero());
  }

  @Test
  void shouldReleaseRecordsWhenTheResponseCannotBeEncoded() {
    List<ByteBuf> slices = storedSlices();
    var noName =
        new FetchResponse(
            List.of(
                new TopicData(null, TOPIC_ID, List.of(PartitionData.of(0, 1L, 1L, 0L, slices)))));
    assertThatThrownBy(() -> FetchCodec.encodeResponse(ALLOC, noName, (short) 12))
        .isInstanceOf(KafkaCodecException.class);
    assertThat(slices).allSatisfy(s -> assertThat(s.refCnt()).isZero());
    List<ByteBuf> more = storedSlices();
    assertThatThrownBy(() -> FetchCodec.encodeResponse(ALLOC, sampleResponse(more), (short) 19))
        .isInstanceOf(KafkaCodecException.class);
    assertThat(more).allSatisfy(s -> assertThat(s.refCnt()).isZero());
  }

  @ParameterizedTest
  @MethodSource("versions")
  void shouldEncodeTheSameBytesAsKafkaClientsForAPlainResponse(int v) {
    short version = (short) v;
    ByteBuf body =
        FetchCodec.encodeResponse(
            ALLOC,
            new FetchResponse(
                List.of(
                    new TopicData(
                        "orders",
                        TOPIC_ID,
                        List.of(
                            PartitionData.of(
                                0, 44L, 44L, 0L, List.of(Unpooled.wrappedBuffer(SECOND))))))),
            version);
    byte[] ours = ByteBufUtil.getBytes(body);
    body.release();
    var kafka =
        new FetchResponseData()
            .setResponses(
                List.of(
                    new FetchResponseData.FetchableTopicResponse()
                        .setTopic(v <= 12 ? "orders" : "")
                        .setTopicId(v >= 13 ? kafkaUuid(TOPIC_ID) : Uuid.ZERO_UUID)
                        .setPartitions(
                            List.of(
                                new FetchResponseData.PartitionData()
                                    .setPartitionIndex(0)
                                    .setHighWatermark(44L)
                                    .setLastStableOffset(44L)
                                    .setLogStartOffset(v >= 5 ? 0L : -1L)
                                    .setAbortedTransactions(null)
                                    .setRecords(
                                        MemoryRecords.readableRecords(ByteBuffer.wrap(SECOND)))))));
    ByteBuffer expected =
        org.apache.kafka.common.protocol.MessageUtil.toByteBufferAccessor(kafka, version).buffer();
    byte[] expectedBytes = new byte[expected.remaining()];
    expected.get(expectedBytes);
    assertThat(ours).containsExactly(expectedBytes);
  }
}
