package io.duetmq.protocol.kafka.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes ApiVersions (key 18) bodies, v0–4 (flexible from v3; v4 body = v3 body).
 * Request decoding and response encoding are what the broker uses; the other two directions exist
 * for tests and tools. Headers are not included.
 *
 * <p>Stateless and thread-safe.
 */
public final class ApiVersionsCodec {
  private static final int TAG_SUPPORTED_FEATURES = 0;
  private static final int TAG_FINALIZED_FEATURES_EPOCH = 1;
  private static final int TAG_FINALIZED_FEATURES = 2;
  private static final int TAG_ZK_MIGRATION_READY = 3;

  private ApiVersionsCodec() {}

  public static ApiVersionsRequest decodeRequest(KafkaReader reader, short version) {
    checkVersion(version);
    if (version < 3) {
      return ApiVersionsRequest.empty();
    }
    String name = reader.readString(true);
    String softwareVersion = reader.readString(true);
    reader.skipTaggedFields();
    return new ApiVersionsRequest(name, softwareVersion);
  }

  public static void encodeRequest(KafkaWriter writer, ApiVersionsRequest request, short version) {
    checkVersion(version);
    if (version >= 3) {
      writer.writeString(request.clientSoftwareName(), true);
      writer.writeString(request.clientSoftwareVersion(), true);
      writer.writeEmptyTaggedFields();
    }
  }

  public static void encodeResponse(
      KafkaWriter writer, ApiVersionsResponse response, short version) {
    checkVersion(version);
    boolean flexible = version >= 3;
    writer.writeInt16(response.errorCode());
    writer.writeArray(
        response.apiKeys(),
        flexible,
        (w, range) -> {
          w.writeInt16(range.apiKey()).writeInt16(range.minVersion());
          w.writeInt16(range.maxVersion());
          if (flexible) {
            w.writeEmptyTaggedFields();
          }
        });
    if (version >= 1) {
      writer.writeInt32(response.throttleTimeMs());
    }
    if (flexible) {
      writer.writeTaggedFields(featureTags(response));
    }
  }

  private static List<RawTaggedField> featureTags(ApiVersionsResponse response) {
    List<RawTaggedField> tags = new ArrayList<>(4);
    if (!response.supportedFeatures().isEmpty()) {
      tags.add(
          RawTaggedField.encode(
              TAG_SUPPORTED_FEATURES,
              w ->
                  w.writeArray(
                      response.supportedFeatures(),
                      true,
                      (fw, f) -> {
                        fw.writeString(f.name(), true).writeInt16(f.minVersion());
                        fw.writeInt16(f.maxVersion()).writeEmptyTaggedFields();
                      })));
    }
    if (response.finalizedFeaturesEpoch() != -1L) {
      tags.add(
          RawTaggedField.encode(
              TAG_FINALIZED_FEATURES_EPOCH, w -> w.writeInt64(response.finalizedFeaturesEpoch())));
    }
    if (!response.finalizedFeatures().isEmpty()) {
      tags.add(
          RawTaggedField.encode(
              TAG_FINALIZED_FEATURES,
              w ->
                  w.writeArray(
                      response.finalizedFeatures(),
                      true,
                      (fw, f) -> {
                        fw.writeString(f.name(), true).writeInt16(f.maxVersionLevel());
                        fw.writeInt16(f.minVersionLevel()).writeEmptyTaggedFields();
                      })));
    }
    if (response.zkMigrationReady()) {
      tags.add(RawTaggedField.encode(TAG_ZK_MIGRATION_READY, w -> w.writeBoolean(true)));
    }
    return tags;
  }

  public static ApiVersionsResponse decodeResponse(KafkaReader reader, short version) {
    checkVersion(version);
    boolean flexible = version >= 3;
    short errorCode = reader.readInt16();
    List<ApiVersionRange> apiKeys =
        reader.readArray(
            flexible,
            r -> {
              ApiVersionRange range =
                  rangeOrCodecError(r.readInt16(), r.readInt16(), r.readInt16());
              if (flexible) {
                r.skipTaggedFields();
              }
              return range;
            });
    int throttle = version >= 1 ? reader.readInt32() : 0;
    FeatureFields features = new FeatureFields();
    if (flexible) {
      reader.readTaggedFields(features::read);
    }
    return new ApiVersionsResponse(
        errorCode,
        apiKeys,
        throttle,
        features.supported,
        features.epoch,
        features.finalized,
        features.zkMigrationReady);
  }

  private static ApiVersionRange rangeOrCodecError(short key, short min, short max) {
    if (min < 0 || max < min) {
      throw new KafkaCodecException(
          "bad version range for api key " + key + ": min " + min + ", max " + max);
    }
    return new ApiVersionRange(key, min, max);
  }

  private static void checkVersion(short version) {
    if (!ApiKeys.API_VERSIONS.isImplemented(version)) {
      throw new KafkaCodecException("unsupported ApiVersions version " + version);
    }
  }

  /** Collects the v3+ tagged fields while decoding a response. */
  private static final class FeatureFields {
    List<ApiVersionsResponse.SupportedFeature> supported = List.of();
    long epoch = -1L;
    List<ApiVersionsResponse.FinalizedFeature> finalized = List.of();
    boolean zkMigrationReady;

    void read(int tag, KafkaReader r) {
      switch (tag) {
        case TAG_SUPPORTED_FEATURES ->
            supported =
                r.readArray(
                    true,
                    fr -> {
                      var f =
                          new ApiVersionsResponse.SupportedFeature(
                              fr.readString(true), fr.readInt16(), fr.readInt16());
                      fr.skipTaggedFields();
                      return f;
                    });
        case TAG_FINALIZED_FEATURES_EPOCH -> epoch = r.readInt64();
        case TAG_FINALIZED_FEATURES ->
            finalized =
                r.readArray(
                    true,
                    fr -> {
                      var f =
                          new ApiVersionsResponse.FinalizedFeature(
                              fr.readString(true), fr.readInt16(), fr.readInt16());
                      fr.skipTaggedFields();
                      return f;
                    });
        case TAG_ZK_MIGRATION_READY -> zkMigrationReady = r.readBoolean();
        default -> {
          // unknown tag: skipped by the caller
        }
      }
    }
  }
}
