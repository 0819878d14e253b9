package io.duetmq.protocol.kafka.codec;

import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.skipTags;
import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.writeTags;

import java.util.List;

/**
 * Decodes JoinGroup (key 11) requests and encodes responses, v0–9 (flexible from v6). Stateless and
 * thread-safe.
 */
public final class JoinGroupCodec {
  private JoinGroupCodec() {}

  public static JoinGroupRequest decodeRequest(KafkaReader reader, short version) {
    check(version);
    boolean flexible = ApiKeys.JOIN_GROUP.isFlexible(version);
    String groupId = reader.readString(flexible);
    int session = reader.readInt32();
    int rebalance = version >= 1 ? reader.readInt32() : session;
    String memberId = reader.readString(flexible);
    String instanceId = version >= 5 ? reader.readNullableString(flexible) : null;
    String protocolType = reader.readString(flexible);
    List<JoinGroupRequest.Protocol> protocols =
        reader.readArray(
            flexible,
            r -> {
              String name = r.readString(flexible);
              byte[] metadata = r.readBytes(flexible);
              skipTags(r, flexible);
              return new JoinGroupRequest.Protocol(name, metadata);
            });
    String reason = version >= 8 ? reader.readNullableString(flexible) : null;
    skipTags(reader, flexible);
    return new JoinGroupRequest(
        groupId, session, rebalance, memberId, instanceId, protocolType, protocols, reason);
  }

  public static void encodeResponse(KafkaWriter writer, JoinGroupResponse response, short version) {
    check(version);
    boolean flexible = ApiKeys.JOIN_GROUP.isFlexible(version);
    if (version >= 2) {
      writer.writeInt32(response.throttleTimeMs());
    }
    writer.writeInt16(response.errorCode()).writeInt32(response.generationId());
    if (version >= 7) {
      writer
          .writeNullableString(response.protocolType(), flexible)
          .writeNullableString(response.protocolName(), flexible);
    } else {
      writer.writeString(orEmpty(response.protocolName()), flexible);
    }
    writer.writeString(response.leader(), flexible);
    if (version >= 9) {
      writer.writeBoolean(response.skipAssignment());
    }
    writer.writeString(response.memberId(), flexible);
    writer.writeArray(
        response.members(),
        flexible,
        (w, m) -> {
          w.writeString(m.memberId(), flexible);
          if (version >= 5) {
            w.writeNullableString(m.groupInstanceId(), flexible);
          }
          w.writeBytes(m.metadata(), flexible);
          writeTags(w, flexible);
        });
    writeTags(writer, flexible);
  }

  static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static void check(short version) {
    if (!ApiKeys.JOIN_GROUP.isImplemented(version)) {
      throw new KafkaCodecException("unsupported JoinGroup version " + version);
    }
  }
}
