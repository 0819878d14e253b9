package io.duetmq.protocol.kafka.codec;

/**
 * The request header (reference §1.4, Appendix A.1).
 *
 * <pre>
 * v0: | api key int16 | api version int16 | correlation id int32 |
 * v1: v0 + | client id: int16 length (-1 = null) + UTF-8 |
 * v2: v1 + | tagged fields |      (client id stays int16-length even here)
 * </pre>
 *
 * @param apiKey wire API key (may be unknown to us)
 * @param apiVersion requested API version
 * @param correlationId echoed verbatim in the response
 * @param clientId nullable; always null for header v0
 * @param headerVersion 0, 1 or 2: the layout this header was read in
 */
public record RequestHeader(
    short apiKey, short apiVersion, int correlationId, String clientId, short headerVersion) {
  public RequestHeader {
    if (headerVersion < 0 || headerVersion > 2) {
      throw new KafkaCodecException("unknown request header version " + headerVersion);
    }
  }

  /**
   * Decodes a header in layout {@code headerVersion} (0–2), leaving the reader at the first body
   * byte. Unknown tagged fields are skipped.
   */
  public static RequestHeader decode(KafkaReader reader, short headerVersion) {
    if (headerVersion < 0 || headerVersion > 2) {
      throw new KafkaCodecException("unknown request header version " + headerVersion);
    }
    short apiKey = reader.readInt16();
    short apiVersion = reader.readInt16();
    int correlationId = reader.readInt32();
    String clientId = null;
    if (headerVersion >= 1) {
      clientId = reader.readNullableString(false);
    }
    if (headerVersion >= 2) {
      reader.skipTaggedFields();
    }
    return new RequestHeader(apiKey, apiVersion, correlationId, clientId, headerVersion);
  }

  /** Encodes this header in its {@link #headerVersion()} layout (clients and tests). */
  public void encode(KafkaWriter writer) {
    writer.writeInt16(apiKey).writeInt16(apiVersion).writeInt32(correlationId);
    if (headerVersion >= 1) {
      writer.writeNullableString(clientId, false);
    }
    if (headerVersion >= 2) {
      writer.writeEmptyTaggedFields();
    }
  }
}
