package io.duetmq.protocol.kafka.codec;

import java.util.List;

/**
 * ApiVersions response (key 18, reference §3.1, Appendix A.2). Fields a version lacks are ignored
 * when encoding and take their defaults when decoding. The feature fields (v3+ tagged fields) are
 * written only when they differ from their defaults.
 *
 * @param errorCode 0, or UNSUPPORTED_VERSION for the v0 fallback
 * @param apiKeys the advertised ranges, sorted by key
 * @param throttleTimeMs v1+
 * @param supportedFeatures v3+, tag 0
 * @param finalizedFeaturesEpoch v3+, tag 1, default -1
 * @param finalizedFeatures v3+, tag 2
 * @param zkMigrationReady v3+, tag 3
 */
public record ApiVersionsResponse(
    short errorCode,
    List<ApiVersionRange> apiKeys,
    int throttleTimeMs,
    List<SupportedFeature> supportedFeatures,
    long finalizedFeaturesEpoch,
    List<FinalizedFeature> finalizedFeatures,
    boolean zkMigrationReady) {

  public ApiVersionsResponse {
    apiKeys = List.copyOf(apiKeys);
    supportedFeatures = List.copyOf(supportedFeatures);
    finalizedFeatures = List.copyOf(finalizedFeatures);
  }

  /** A response with no throttle and no features. */
  public static ApiVersionsResponse of(short errorCode, List<ApiVersionRange> apiKeys) {
    return new ApiVersionsResponse(errorCode, apiKeys, 0, List.of(), -1L, List.of(), false);
  }

  /** A feature and the version range this broker supports (tag 0). */
  public record SupportedFeature(String name, short minVersion, short maxVersion) {}

  /** A cluster-wide finalized feature level (tag 2). */
  public record FinalizedFeature(String name, short maxVersionLevel, short minVersionLevel) {}
}
