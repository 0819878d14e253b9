package io.duetmq.protocol.kafka.codec;

import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.skipTags;
import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.writeTags;

import java.util.List;

/**
 * Decodes ListGroups (key 16) requests and encodes responses, v0–5 (flexible from v3). Stateless
 * and thread-safe.
 */
public final class ListGroupsCodec {
  private ListGroupsCodec() {}

  public static ListGroupsRequest decodeRequest(KafkaReader reader, short version) {
    check(version);
    boolean flexible = ApiKeys.LIST_GROUPS.isFlexible(version);
    List<String> states =
        version >= 4 ? reader.readArray(flexible, r -> r.readString(flexible)) : List.of();
    List<String> types =
        version >= 5 ? reader.readArray(flexible, r -> r.readString(flexible)) : List.of();
    skipTags(reader, flexible);
    return new ListGroupsRequest(states, types);
  }

  public static void encodeResponse(
      KafkaWriter writer, ListGroupsResponse response, short version) {
    check(version);
    boolean flexible = ApiKeys.LIST_GROUPS.isFlexible(version);
    if (version >= 1) {
      writer.writeInt32(response.throttleTimeMs());
    }
    writer.writeInt16(response.errorCode());
    writer.writeArray(
        response.groups(),
        flexible,
        (w, g) -> {
          w.writeString(g.groupId(), flexible).writeString(g.protocolType(), flexible);
          if (version >= 4) {
            w.writeString(g.groupState(), flexible);
          }
          if (version >= 5) {
            w.writeString(g.groupType(), flexible);
          }
          writeTags(w, flexible);
        });
    writeTags(writer, flexible);
  }

  private static void check(short version) {
    if (!ApiKeys.LIST_GROUPS.isImplemented(version)) {
      throw new KafkaCodecException("unsupported ListGroups version " + version);
    }
  }
}
