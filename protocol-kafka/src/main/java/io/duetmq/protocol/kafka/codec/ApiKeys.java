package io.duetmq.protocol.kafka.codec;

import java.util.Optional;

/**
 * The table of APIs whose codecs exist, with the versions they implement and the API's first
 * flexible version (reference §2.5 and Appendix B). This is the one place a new API is added; what
 * the server actually advertises is the subset that also has a registered handler.
 *
 * <p>An API whose codec exists but that does not yet work end to end is marked {@link #servable()}
 * false: the handler registry refuses a handler for it, so it cannot be advertised by accident.
 * Flip the flag in the same change that registers its handler.
 *
 * <p>Also encodes the header-version rules: request header v2 for flexible versions, else v1
 * (ApiVersions v3+ counts as flexible even for versions we do not know, so that its header can be
 * read for the v0 fallback); response header v1 for flexible versions, else v0, except ApiVersions
 * whose response header is always v0 (reference §1.5).
 */
public enum ApiKeys {
  /**
   * Served 3–12 ({@code ProduceHandler}). Reference §2.5 recommends advertising 0–12 (librdkafka ≤
   * 2.11.0 needs min 0 to enable compression) while implementing 3–12 and closing the connection
   * for 0–2; v13 (topic ids) only once Fetch by topic id is served too.
   */
  PRODUCE(0, "Produce", 3, 13, 9, true),
  /** Served 4–12 ({@code FetchHandler}); v13+ name topics by id. */
  FETCH(1, "Fetch", 4, 18, 12, true),
  LIST_OFFSETS(2, "ListOffsets", 1, 10, 6, true),
  METADATA(3, "Metadata", 0, 13, 9, true),
  API_VERSIONS(18, "ApiVersions", 0, 4, 3, true),
  CREATE_TOPICS(19, "CreateTopics", 2, 7, 5, true),
  DELETE_TOPICS(20, "DeleteTopics", 1, 6, 4, true),
  /** v6 (KIP-939 two-phase commit) is unstable in Kafka 4.1 and not implemented. */
  INIT_PRODUCER_ID(22, "InitProducerId", 0, 5, 2, true),
  DESCRIBE_CONFIGS(32, "DescribeConfigs", 1, 4, 4, true),
  CREATE_PARTITIONS(37, "CreatePartitions", 0, 3, 2, true),
  INCREMENTAL_ALTER_CONFIGS(44, "IncrementalAlterConfigs", 0, 1, 1, true),
  DESCRIBE_CLUSTER(60, "DescribeCluster", 0, 2, 0, true);

  private final short id;
  private final String wireName;
  private final ApiVersionRange implemented;
  private final short firstFlexibleVersion;
  private final boolean servable;

  ApiKeys(
      int id,
      String wireName,
      int minVersion,
      int maxVersion,
      int firstFlexibleVersion,
      boolean servable) {
    this.id = (short) id;
    this.wireName = wireName;
    this.implemented = ApiVersionRange.of(id, minVersion, maxVersion);
    this.firstFlexibleVersion = (short) firstFlexibleVersion;
    this.servable = servable;
  }

  /**
   * True if the API works end to end and may be advertised (given a registered handler); false for
   * an API of which only the codec exists yet.
   */
  public boolean servable() {
    return servable;
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

  /** The API with wire key {@code id}, if we have a codec for it (servable or not). */
  public static Optional<ApiKeys> forId(short id) {
    for (ApiKeys api : values()) {
      if (api.id == id) {
        return Optional.of(api);
      }
    }
    return Optional.empty();
  }
}
