package io.duetmq.protocol.kafka.codec;

import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.skipTags;
import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.writeTags;

import java.util.List;

/**
 * Decodes LeaveGroup (key 13) requests and encodes responses, v0–5 (flexible from v4, batch of
 * members from v3). Stateless and thread-safe.
 */
public final class LeaveGroupCodec {
  private LeaveGroupCodec() {}

  public static LeaveGroupRequest decodeRequest(KafkaReader reader, short version) {
    check(version);
    boolean flexible = ApiKeys.LEAVE_GROUP.isFlexible(version);
    String groupId = reader.readString(flexible);
    List<LeaveGroupRequest.Member> members;
    if (version <= 2) {
      members = List.of(new LeaveGroupRequest.Member(reader.readString(flexible), null, null));
    } else {
      members =
          reader.readArray(
              flexible,
              r -> {
                String memberId = r.readString(flexible);
                String instanceId = r.readNullableString(flexible);
                String reason = version >= 5 ? r.readNullableString(flexible) : null;
                skipTags(r, flexible);
                return new LeaveGroupRequest.Member(memberId, instanceId, reason);
              });
    }
    skipTags(reader, flexible);
    return new LeaveGroupRequest(groupId, members);
  }

  public static void encodeResponse(
      KafkaWriter writer, LeaveGroupResponse response, short version) {
    check(version);
    boolean flexible = ApiKeys.LEAVE_GROUP.isFlexible(version);
    if (version >= 1) {
      writer.writeInt32(response.throttleTimeMs());
    }
    writer.writeInt16(response.errorCode());
    if (version >= 3) {
      writer.writeArray(
          response.members(),
          flexible,
          (w, m) -> {
            w.writeString(m.memberId(), flexible)
                .writeNullableString(m.groupInstanceId(), flexible)
                .writeInt16(m.errorCode());
            writeTags(w, flexible);
          });
    }
    writeTags(writer, flexible);
  }

  private static void check(short version) {
    if (!ApiKeys.LEAVE_GROUP.isImplemented(version)) {
      throw new KafkaCodecException("unsupported LeaveGroup version " + version);
    }
  }
}
