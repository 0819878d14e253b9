package io.duetmq.protocol.kafka.codec;

import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.skipTags;
import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.writeTags;

import java.util.List;

/**
 * Decodes FindCoordinator (key 10) requests and encodes responses, v0–6 (flexible from v3, batched
 * keys from v4). Headers are not included. Stateless and thread-safe.
 */
public final class FindCoordinatorCodec {
  private FindCoordinatorCodec() {}

  public static FindCoordinatorRequest decodeRequest(KafkaReader reader, short version) {
    check(version);
    boolean flexible = ApiKeys.FIND_COORDINATOR.isFlexible(version);
    String key = version <= 3 ? reader.readString(flexible) : null;
    byte keyType = version >= 1 ? reader.readInt8() : FindCoordinatorRequest.GROUP;
    List<String> keys =
        version >= 4 ? reader.readArray(flexible, r -> r.readString(flexible)) : List.of(key);
    skipTags(reader, flexible);
    return new FindCoordinatorRequest(keyType, keys);
  }

  public static void encodeResponse(
      KafkaWriter writer, FindCoordinatorResponse response, short version) {
    check(version);
    boolean flexible = ApiKeys.FIND_COORDINATOR.isFlexible(version);
    if (version >= 1) {
      writer.writeInt32(response.throttleTimeMs());
    }
    if (version <= 3) {
      FindCoordinatorResponse.Coordinator c = response.coordinators().get(0);
      writer.writeInt16(c.errorCode());
      if (version >= 1) {
        writer.writeNullableString(c.errorMessage(), flexible);
      }
      writer.writeInt32(c.nodeId()).writeString(c.host(), flexible).writeInt32(c.port());
    } else {
      writer.writeArray(
          response.coordinators(),
          flexible,
          (w, c) -> {
            w.writeString(c.key(), flexible)
                .writeInt32(c.nodeId())
                .writeString(c.host(), flexible)
                .writeInt32(c.port())
                .writeInt16(c.errorCode())
                .writeNullableString(c.errorMessage(), flexible);
            writeTags(w, flexible);
          });
    }
    writeTags(writer, flexible);
  }

  private static void check(short version) {
    if (!ApiKeys.FIND_COORDINATOR.isImplemented(version)) {
      throw new KafkaCodecException("unsupported FindCoordinator version " + version);
    }
  }
}
