package io.duetmq.protocol.kafka.codec;

import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.skipTags;
import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.writeTags;

import java.util.List;

/**
 * Decodes SyncGroup (key 14) requests and encodes responses, v0–5 (flexible from v4). Stateless and
 * thread-safe.
 */
public final class SyncGroupCodec {
  private SyncGroupCodec() {}

  public static SyncGroupRequest decodeRequest(KafkaReader reader, short version) {
    check(version);
    boolean flexible = ApiKeys.SYNC_GROUP.isFlexible(version);
    String groupId = reader.readString(flexible);
    int generation = reader.readInt32();
    String memberId = reader.readString(flexible);
    String instanceId = version >= 3 ? reader.readNullableString(flexible) : null;
    String protocolType = version >= 5 ? reader.readNullableString(flexible) : null;
    String protocolName = version >= 5 ? reader.readNullableString(flexible) : null;
    List<SyncGroupRequest.Assignment> assignments =
        reader.readArray(
            flexible,
            r -> {
              String member = r.readString(flexible);
              byte[] bytes = r.readBytes(flexible);
              skipTags(r, flexible);
              return new SyncGroupRequest.Assignment(member, bytes);
            });
    skipTags(reader, flexible);
    return new SyncGroupRequest(
        groupId, generation, memberId, instanceId, protocolType, protocolName, assignments);
  }

  public static void encodeResponse(KafkaWriter writer, SyncGroupResponse response, short version) {
    check(version);
    boolean flexible = ApiKeys.SYNC_GROUP.isFlexible(version);
    if (version >= 1) {
      writer.writeInt32(response.throttleTimeMs());
    }
    writer.writeInt16(response.errorCode());
    if (version >= 5) {
      writer
          .writeNullableString(response.protocolType(), flexible)
          .writeNullableString(response.protocolName(), flexible);
    }
    writer.writeBytes(response.assignment(), flexible);
    writeTags(writer, flexible);
  }

  private static void check(short version) {
    if (!ApiKeys.SYNC_GROUP.isImplemented(version)) {
      throw new KafkaCodecException("unsupported SyncGroup version " + version);
    }
  }
}
