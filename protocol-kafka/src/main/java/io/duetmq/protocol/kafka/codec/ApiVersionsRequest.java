package io.duetmq.protocol.kafka.codec;

/**
 * ApiVersions request (key 18, reference §3.1, Appendix A.2). Empty in v0–2; the two strings exist
 * in v3+ and are "" when absent.
 *
 * @param clientSoftwareName e.g. {@code apache-kafka-java}
 * @param clientSoftwareVersion e.g. {@code 4.1.1}
 */
public record ApiVersionsRequest(String clientSoftwareName, String clientSoftwareVersion) {
  public ApiVersionsRequest {
    if (clientSoftwareName == null || clientSoftwareVersion == null) {
      throw new KafkaCodecException(
          "client software name/version must not be null: "
              + clientSoftwareName
              + "/"
              + clientSoftwareVersion);
    }
  }

  /** The request as seen for v0–2, which carry no fields. */
  public static ApiVersionsRequest empty() {
    return new ApiVersionsRequest("", "");
  }
}
