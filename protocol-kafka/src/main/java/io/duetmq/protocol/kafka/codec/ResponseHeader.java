package io.duetmq.protocol.kafka.codec;

/**
 * The response header (reference §1.5, Appendix A.1).
 *
 * <pre>
 * v0: | correlation id int32 |
 * v1: v0 + | tagged fields |
 * </pre>
 *
 * <p>Which version to use comes from {@link ApiKeys#responseHeaderVersion(short)}: ApiVersions
 * responses always use v0.
 *
 * @param correlationId copied from the request
 * @param headerVersion 0 or 1
 */
public record ResponseHeader(int correlationId, short headerVersion) {
  public ResponseHeader {
    if (headerVersion < 0 || headerVersion > 1) {
      throw new KafkaCodecException("unknown response header version " + headerVersion);
    }
  }

  public void encode(KafkaWriter writer) {
    writer.writeInt32(correlationId);
    if (headerVersion >= 1) {
      writer.writeEmptyTaggedFields();
    }
  }

  /** Decodes a header in layout {@code headerVersion} (clients and tests). */
  public static ResponseHeader decode(KafkaReader reader, short headerVersion) {
    ResponseHeader header = new ResponseHeader(reader.readInt32(), headerVersion);
    if (headerVersion >= 1) {
      reader.skipTaggedFields();
    }
    return header;
  }
}
