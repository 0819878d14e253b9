package io.duetmq.protocol.kafka.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.protocol.kafka.codec.MetadataRequest.RequestTopic;
import io.duetmq.protocol.kafka.codec.MetadataResponse.Broker;
import io.duetmq.protocol.kafka.codec.MetadataResponse.Partition;
import io.duetmq.protocol.kafka.codec.MetadataResponse.Topic;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.requests.AbstractResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Wire compatibility of Metadata v0–13 with kafka-clients 4.1's own request/response classes. */
class MetadataCodecKafkaCompatibilityTest {

  static IntStream allVersions() {
    return IntStream.rangeClosed(0, 13);
  }

  static IntStream versionsFrom1() {
    return IntStream.rangeClosed(1, 13);
  }

  private static org.apache.kafka.common.requests.RequestHeader kafkaHeader(short version) {
    return new org.apache.kafka.common.requests.RequestHeader(
        ApiKeys.METADATA, version, "client-1", 42);
  }

  private static <T> T decodeWithHeader(
      ByteBuffer bytes, short expectedVersion, java.util.function.Function<KafkaReader, T> body) {
    ByteBuf buf = Unpooled.wrappedBuffer(bytes);
    try {
      KafkaReader reader = new KafkaReader(buf);
      short headerVersion =
          io.duetmq.protocol.kafka.codec.ApiKeys.METADATA.requestHeaderVersion(expectedVersion);
      RequestHeader header = RequestHeader.decode(reader, headerVersion);
      assertThat(header.apiKey()).isEqualTo((short) 3);
      assertThat(header.apiVersion()).isEqualTo(expectedVersion);
      assertThat(header.correlationId()).isEqualTo(42);
      assertThat(header.clientId()).isEqualTo("client-1");
      T value = body.apply(reader);
      assertThat(reader.remaining()).as("unread bytes").isZero();
      return value;
    } finally {
      buf.release();
    }
  }

  @ParameterizedTest
  @MethodSource("versionsFrom1") // the 4.1 client refuses to build v0; see the v0 tests below
  void shouldDecodeKafkaClientsRequestForNamedTopics(int v) {
    short version = (short) v;
    boolean autoCreate = version < 4 || v % 2 == 0;
    var request =
        new org.apache.kafka.common.requests.MetadataRequest.Builder(
                List.of("orders", "payments"), autoCreate, version, version)
            .build(version);
    MetadataRequest decoded =
        decodeWithHeader(
            request.serializeWithHeader(kafkaHeader(version)),
            version,
            r -> MetadataCodec.decodeRequest(r, version));
    assertThat(decoded.topics())
        .extracting(RequestTopic::name)
        .containsExactly("orders", "payments");
    assertThat(decoded.topics())
        .extracting(RequestTopic::topicId)
        .containsOnly(MetadataResponse.ZERO_UUID);
    assertThat(decoded.allowAutoTopicCreation()).isEqualTo(autoCreate);
    assertThat(decoded.includeTopicAuthorizedOperations()).isFalse();
  }

  @ParameterizedTest
  @MethodSource("versionsFrom1")
  void shouldDecodeKafkaClientsAllTopicsRequestAsNullTopics(int v) {
    short version = (short) v;
    var request =
        org.apache.kafka.common.requests.MetadataRequest.Builder.allTopics().build(version);
    MetadataRequest decoded =
        decodeWithHeader(
            request.serializeWithHeader(kafkaHeader(version)),
            version,
            r -> MetadataCodec.decodeRequest(r, version));
    assertThat(decoded.allTopics()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("versionsFrom1")
  void shouldEncodeRequestsByteForByteLikeKafkaClients(int v) {
    short version = (short) v;
    var kafka =
        new org.apache.kafka.common.requests.MetadataRequest.Builder(
                List.of("t1", "t.two"), true, version, version)
            .build(version);
    ByteBuffer expected = kafka.serialize().buffer();
    byte[] kafkaBytes = new byte[expected.remaining()];
    expected.get(kafkaBytes);
    MetadataRequest ours =
        new MetadataRequest(
            List.of(RequestTopic.byName("t1"), RequestTopic.byName("t.two")), true, false, false);
    assertThat(Bytes.encode(w -> MetadataCodec.encodeRequest(w, ours, version)))
        .containsExactly(kafkaBytes);
  }

  static IntStream topicIdLookupVersions() {
    return IntStream.rangeClosed(12, 13);
  }

  @ParameterizedTest
  @MethodSource("topicIdLookupVersions")
  void shouldDecodeRequestsTopicIdLookupsFromV12(int v) {
    short version = (short) v;
    Uuid id = Uuid.randomUuid();
    var request =
        org.apache.kafka.common.requests.MetadataRequest.Builder.forTopicIds(Set.of(id))
            .build(version);
    MetadataRequest decoded =
        decodeWithHeader(
            request.serializeWithHeader(kafkaHeader(version)),
            version,
            r -> MetadataCodec.decodeRequest(r, version));
    // the Java client sends an empty name (not null) next to the id
    assertThat(decoded.topics()).hasSize(1);
    assertThat(decoded.topics().get(0).topicId())
        .isEqualTo(new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits()));
    assertThat(decoded.topics().get(0).name()).isNullOrEmpty();
  }

  @Test
  void shouldDecodeV0RequestWithEmptyArrayAsAllTopics() {
    MetadataRequest all =
        Bytes.decodeFully(Bytes.of(0, 0, 0, 0), r -> MetadataCodec.decodeRequest(r, (short) 0));
    assertThat(all.allTopics()).isTrue();
    assertThat(all.allowAutoTopicCreation()).isTrue();
    MetadataRequest named =
        Bytes.decodeFully(
            Bytes.of(0, 0, 0, 1, 0, 1, 'x'), r -> MetadataCodec.decodeRequest(r, (short) 0));
    assertThat(named.topics()).containsExactly(RequestTopic.byName("x"));
    assertThat(Bytes.encode(w -> MetadataCodec.encodeRequest(w, all, (short) 0)))
        .containsExactly(Bytes.of(0, 0, 0, 0));
  }

  static MetadataResponse sampleResponse() {
    UUID topicId = new UUID(0x1234_5678_9abc_def0L, 0x0fed_cba9_8765_4321L);
    return new MetadataResponse(
        17,
        List.of(new Broker(1, "10.0.0.1", 9092, null), new Broker(2, "host-two", 19092, "rack-b")),
        "cluster-xyz",
        2,
        List.of(
            new Topic(
                (short) 0,
                "orders",
                topicId,
                false,
                List.of(
                    new Partition((short) 0, 0, 1, 7, List.of(1, 2), List.of(1, 2), List.of()),
                    new Partition((short) 9, 1, 2, 8, List.of(2, 1), List.of(2), List.of(1))),
                0x0F),
            new Topic(
                (short) 3, "missing", MetadataResponse.ZERO_UUID, true, List.of(), -2147483648)),
        MetadataResponse.OPERATIONS_OMITTED,
        (short) 0);
  }

  @ParameterizedTest
  @MethodSource("allVersions")
  void shouldEncodeResponsesThatKafkaClientsParse(int v) {
    short version = (short) v;
    MetadataResponse ours = sampleResponse();
    byte[] bytes =
        Bytes.encode(
            w -> {
              new ResponseHeader(
                      42,
                      io.duetmq.protocol.kafka.codec.ApiKeys.METADATA.responseHeaderVersion(
                          version))
                  .encode(w);
              MetadataCodec.encodeResponse(w, ours, version);
            });
    var parsed =
        (org.apache.kafka.common.requests.MetadataResponse)
            AbstractResponse.parseResponse(ByteBuffer.wrap(bytes), kafkaHeader(version));
    MetadataResponseData data = parsed.data();
    assertThat(data.brokers()).hasSize(2);
    var b2 = data.brokers().find(2);
    assertThat(b2.host()).isEqualTo("host-two");
    assertThat(b2.port()).isEqualTo(19092);
    assertThat(b2.rack()).isEqualTo(version >= 1 ? "rack-b" : null);
    assertThat(data.brokers().find(1).rack()).isNull();
    assertThat(data.throttleTimeMs()).isEqualTo(version >= 3 ? 17 : 0);
    assertThat(data.clusterId()).isEqualTo(version >= 2 ? "cluster-xyz" : null);
    assertThat(data.controllerId()).isEqualTo(version >= 1 ? 2 : -1);
    var orders = data.topics().find("orders");
    assertThat(orders.errorCode()).isZero();
    assertThat(orders.topicId().getMostSignificantBits())
        .isEqualTo(version >= 10 ? 0x1234_5678_9abc_def0L : 0L);
    assertThat(orders.topicAuthorizedOperations())
        .isEqualTo(version >= 8 ? 0x0F : Integer.MIN_VALUE);
    assertThat(orders.partitions()).hasSize(2);
    var p1 = orders.partitions().get(1);
    assertThat(p1.errorCode()).isEqualTo((short) 9);
    assertThat(p1.partitionIndex()).isEqualTo(1);
    assertThat(p1.leaderId()).isEqualTo(2);
    assertThat(p1.leaderEpoch()).isEqualTo(version >= 7 ? 8 : -1);
    assertThat(p1.replicaNodes()).containsExactly(2, 1);
    assertThat(p1.isrNodes()).containsExactly(2);
    assertThat(p1.offlineReplicas()).isEqualTo(version >= 5 ? List.of(1) : List.of());
    var missing = data.topics().find("missing");
    assertThat(missing.errorCode()).isEqualTo((short) 3);
    assertThat(missing.isInternal()).isEqualTo(version >= 1);
    assertThat(data.errorCode()).isZero();
  }

  @ParameterizedTest
  @MethodSource("allVersions")
  void shouldRoundTripOurOwnResponse(int v) {
    short version = (short) v;
    MetadataResponse ours = sampleResponse();
    byte[] once = Bytes.encode(w -> MetadataCodec.encodeResponse(w, ours, version));
    MetadataResponse decoded =
        Bytes.decodeFully(once, r -> MetadataCodec.decodeResponse(r, version));
    byte[] twice = Bytes.encode(w -> MetadataCodec.encodeResponse(w, decoded, version));
    assertThat(twice).containsExactly(once);
    if (version == 13) {
      assertThat(decoded).isEqualTo(ours);
    }
  }
}
