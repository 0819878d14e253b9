package io.duetmq.protocol.kafka.codec;

import java.util.List;

/**
 * One broker address in the {@code NodeEndpoints} tagged field of Produce (v10+) and Fetch (v16+)
 * responses, naming the leaders reported in {@link LeaderIdAndEpoch} entries.
 *
 * @param nodeId broker id
 * @param host host as the client reaches it
 * @param port port
 * @param rack nullable rack
 */
public record NodeEndpoint(int nodeId, String host, int port, String rack) {
  public NodeEndpoint {
    if (host == null) {
      throw new KafkaCodecException("node endpoint " + nodeId + " has a null host");
    }
  }

  /** Encodes the compact array (flexible versions only: the field is tagged). */
  static void encodeArray(KafkaWriter w, List<NodeEndpoint> endpoints) {
    w.writeArray(
        endpoints,
        true,
        (ew, e) ->
            ew.writeInt32(e.nodeId())
                .writeString(e.host(), true)
                .writeInt32(e.port())
                .writeNullableString(e.rack(), true)
                .writeEmptyTaggedFields());
  }
}
