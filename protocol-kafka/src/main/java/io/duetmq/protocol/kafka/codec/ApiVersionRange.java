package io.duetmq.protocol.kafka.codec;

/**
 * An inclusive range of versions of one API: an entry of the ApiVersions response and of the table
 * of what we implement ({@link ApiKeys}).
 *
 * @param apiKey the API key (may be one we do not know, when decoding a response)
 * @param minVersion lowest version, inclusive
 * @param maxVersion highest version, inclusive
 */
public record ApiVersionRange(short apiKey, short minVersion, short maxVersion) {
  public ApiVersionRange {
    if (minVersion < 0 || maxVersion < minVersion) {
      throw new IllegalArgumentException(
          "bad version range for api key "
              + apiKey
              + ": min "
              + minVersion
              + ", max "
              + maxVersion);
    }
  }

  public static ApiVersionRange of(int apiKey, int minVersion, int maxVersion) {
    return new ApiVersionRange((short) apiKey, (short) minVersion, (short) maxVersion);
  }

  public boolean contains(short version) {
    return version >= minVersion && version <= maxVersion;
  }

  /** True if every version of {@code other} lies within this range (same key). */
  public boolean covers(ApiVersionRange other) {
    return apiKey == other.apiKey
        && other.minVersion >= minVersion
        && other.maxVersion <= maxVersion;
  }
}
