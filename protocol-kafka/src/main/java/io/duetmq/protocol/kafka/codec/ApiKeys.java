package io.duetmq.protocol.kafka.codec;

import java.util.Optional;

/**
 * The table of APIs whose codecs exist, with the versions they implement and the API's first
 * flexible version (reference §2.5 and Appendix B). This is the one place a new API is added; what
 * the server actually advertises is the subset that also has a registered handler.
 *
 * <p>Also encodes the header-version rules: request header v2 for flexible versions, else v1
 * (ApiVersions v3+ counts as flexible even for versions we do not know, so that its header can be
 * read for the v0 fallback); response header v1 for flexible versions, else v0, except ApiVersions
 * whose response header is always v0 (reference §1.5).
 */
public enum ApiKeys {
  METADATA(3, "Metadata", 0, 13, 9),
  API_VERSIONS(18, "ApiVersions", 0, 4, 3);

  private final short id;
  private final String wireName;
  private final ApiVersionRange implemented;
  private final short firstFlexibleVersion;

  ApiKeys(int id, String wireName, int minVersion, int maxVersion, int firstFlexibleVersion) {
    this.id = (short) id;
    this.wireName = wireName;
    this.implemented = ApiVersionRange.of(id, minVersion, maxVersion);
    this.firstFlexibleVersion = (short) firstFlexibleVersion;
  }

  public short id() {
    return id;
  }

  /** The API's name as in Kafka's schemas, for log lines. */
  public String wireName() {
    return wireName;
  }

  /** The versions our codec for this API implements. */
  public ApiVersionRange implemented() {
    return implemented;
  }

  public short firstFlexibleVersion() {
    return firstFlexibleVersion;
  }

  public boolean isFlexible(short version) {
    return version >= firstFlexibleVersion;
  }

  public boolean isImplemented(short version) {
    return implemented.contains(version);
  }

  /** Request header version (1 or 2) for a request of this API at {@code version}. */
  public short requestHeaderVersion(short version) {
    return (short) (isFlexible(version) ? 2 : 1);
  }

  /** Response header version (0 or 1) for a response of this API at {@code version}. */
  public short responseHeaderVersion(short version) {
    if (this == API_VERSIONS) {
      return 0;
    }
    return (short) (isFlexible(version) ? 1 : 0);
  }

  /** The API with wire key {@code id}, if we implement it. */
  public static Optional<ApiKeys> forId(short id) {
    for (ApiKeys api : values()) {
      if (api.id == id) {
        return Optional.of(api);
      }
    }
    return Optional.empty();
  }
}
