package io.duetmq.protocol.kafka.codec;

/**
 * Decodes DescribeCluster (key 60) requests and encodes responses, v0–2 (flexible in every
 * version). Headers are not included. Stateless and thread-safe.
 */
public final class DescribeClusterCodec {
  private DescribeClusterCodec() {}

  public static DescribeClusterRequest decodeRequest(KafkaReader reader, short version) {
    checkVersion(version);
    boolean operations = reader.readBoolean();
    byte endpointType = version >= 1 ? reader.readInt8() : 1;
    boolean fenced = version >= 2 && reader.readBoolean();
    reader.skipTaggedFields();
    return new DescribeClusterRequest(operations, endpointType, fenced);
  }

  public static void encodeResponse(
      KafkaWriter writer, DescribeClusterResponse response, short version) {
    checkVersion(version);
    writer.writeInt32(response.throttleTimeMs()).writeInt16(response.errorCode());
    writer.writeNullableString(response.errorMessage(), true);
    if (version >= 1) {
      writer.writeInt8(response.endpointType());
    }
    writer.writeString(response.clusterId(), true).writeInt32(response.controllerId());
    writer.writeArray(
        response.brokers(),
        true,
        (w, b) -> {
          w.writeInt32(b.brokerId()).writeString(b.host(), true).writeInt32(b.port());
          w.writeNullableString(b.rack(), true);
          if (version >= 2) {
            w.writeBoolean(b.isFenced());
          }
          w.writeEmptyTaggedFields();
        });
    writer.writeInt32(response.clusterAuthorizedOperations());
    writer.writeEmptyTaggedFields();
  }

  private static void checkVersion(short version) {
    if (!ApiKeys.DESCRIBE_CLUSTER.isImplemented(version)) {
      throw new KafkaCodecException("unsupported DescribeCluster version " + version);
    }
  }
}
