package io.duetmq.protocol.kafka.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Wire compatibility of ApiVersions v0–4 with kafka-clients 4.1's own classes. */
class ApiVersionsCodecKafkaCompatibilityTest {

  static IntStream allVersions() {
    return IntStream.rangeClosed(0, 4);
  }

  private static org.apache.kafka.common.requests.RequestHeader kafkaHeader(short version) {
    return new org.apache.kafka.common.requests.RequestHeader(
        org.apache.kafka.common.protocol.ApiKeys.API_VERSIONS, version, null, 7);
  }

  @ParameterizedTest
  @MethodSource("allVersions")
  void shouldDecodeKafkaClientsRequest(int v) {
    short version = (short) v;
    var request = new org.apache.kafka.common.requests.ApiVersionsRequest.Builder().build(version);
    ByteBuf buf = Unpooled.wrappedBuffer(request.serializeWithHeader(kafkaHeader(version)));
    try {
      KafkaReader reader = new KafkaReader(buf);
      RequestHeader header =
          RequestHeader.decode(reader, ApiKeys.API_VERSIONS.requestHeaderVersion(version));
      assertThat(header.headerVersion()).isEqualTo((short) (version >= 3 ? 2 : 1));
      assertThat(header.correlationId()).isEqualTo(7);
      assertThat(header.clientId()).isNull();
      ApiVersionsRequest decoded = ApiVersionsCodec.decodeRequest(reader, version);
      assertThat(reader.remaining()).isZero();
      if (version >= 3) {
        assertThat(decoded.clientSoftwareName()).isEqualTo("apache-kafka-java");
        assertThat(decoded.clientSoftwareVersion()).isNotEmpty();
      } else {
        assertThat(decoded).isEqualTo(ApiVersionsRequest.empty());
      }
    } finally {
      buf.release();
    }
  }

  static ApiVersionsResponse sampleResponse() {
    return new ApiVersionsResponse(
        (short) 0,
        List.of(ApiVersionRange.of(3, 0, 13), ApiVersionRange.of(18, 0, 4)),
        5,
        List.of(
            new ApiVersionsResponse.SupportedFeature("transaction.version", (short) 0, (short) 2)),
        9L,
        List.of(
            new ApiVersionsResponse.FinalizedFeature("metadata.version", (short) 21, (short) 1)),
        true);
  }

  @ParameterizedTest
  @MethodSource("allVersions")
  void shouldEncodeResponsesThatKafkaClientsParseWithAV0Header(int v) {
    short version = (short) v;
    assertThat(ApiKeys.API_VERSIONS.responseHeaderVersion(version)).isZero();
    byte[] bytes =
        Bytes.encode(
            w -> {
              new ResponseHeader(7, (short) 0).encode(w);
              ApiVersionsCodec.encodeResponse(w, sampleResponse(), version);
            });
    var parsed =
        (org.apache.kafka.common.requests.ApiVersionsResponse)
            AbstractResponse.parseResponse(ByteBuffer.wrap(bytes), kafkaHeader(version));
    ApiVersionsResponseData data = parsed.data();
    assertThat(data.errorCode()).isZero();
    assertThat(data.apiKeys().find((short) 3).maxVersion()).isEqualTo((short) 13);
    assertThat(data.apiKeys().find((short) 18).minVersion()).isZero();
    assertThat(data.throttleTimeMs()).isEqualTo(version >= 1 ? 5 : 0);
    if (version >= 3) {
      assertThat(data.supportedFeatures().find("transaction.version").maxVersion())
          .isEqualTo((short) 2);
      assertThat(data.finalizedFeaturesEpoch()).isEqualTo(9L);
      assertThat(data.finalizedFeatures().find("metadata.version").maxVersionLevel())
          .isEqualTo((short) 21);
      assertThat(data.zkMigrationReady()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("allVersions")
  void shouldRoundTripOurOwnResponse(int v) {
    short version = (short) v;
    byte[] once = Bytes.encode(w -> ApiVersionsCodec.encodeResponse(w, sampleResponse(), version));
    ApiVersionsResponse decoded =
        Bytes.decodeFully(once, r -> ApiVersionsCodec.decodeResponse(r, version));
    if (version >= 3) {
      assertThat(decoded).isEqualTo(sampleResponse());
    } else {
      assertThat(decoded.apiKeys()).isEqualTo(sampleResponse().apiKeys());
    }
  }

  @Test
  void shouldWriteV0FallbackThatKafkaClientsReadAsUnsupportedVersion() {
    ApiVersionsResponse fallback =
        ApiVersionsResponse.of(
            ErrorCode.UNSUPPORTED_VERSION.code(),
            List.of(ApiVersionRange.of(3, 0, 13), ApiVersionRange.of(18, 0, 4)));
    byte[] body = Bytes.encode(w -> ApiVersionsCodec.encodeResponse(w, fallback, (short) 0));
    // v0 layout: error int16, int32 count, 3 x int16 per entry, nothing else
    assertThat(body).hasSize(2 + 4 + 2 * 6);
    var parsed =
        org.apache.kafka.common.requests.ApiVersionsResponse.parse(
            new ByteBufferAccessor(ByteBuffer.wrap(body)), (short) 0);
    assertThat(Errors.forCode(parsed.data().errorCode())).isEqualTo(Errors.UNSUPPORTED_VERSION);
    assertThat(parsed.apiVersion((short) 18).maxVersion()).isEqualTo((short) 4);
  }
}
