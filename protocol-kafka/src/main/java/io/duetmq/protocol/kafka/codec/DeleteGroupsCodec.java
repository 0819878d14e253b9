package io.duetmq.protocol.kafka.codec;

import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.skipTags;
import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.writeTags;

import java.util.List;

/**
 * Decodes DeleteGroups (key 42) requests (the group names) and encodes responses, v0–2 (flexible
 * from v2). Stateless and thread-safe.
 */
public final class DeleteGroupsCodec {
  private DeleteGroupsCodec() {}

  /** One group's outcome. */
  public record Result(String groupId, short errorCode) {}

  public static List<String> decodeRequest(KafkaReader reader, short version) {
    check(version);
    boolean flexible = ApiKeys.DELETE_GROUPS.isFlexible(version);
    List<String> groups = reader.readArray(flexible, r -> r.readString(flexible));
    skipTags(reader, flexible);
    return groups;
  }

  public static void encodeResponse(KafkaWriter writer, List<Result> results, short version) {
    check(version);
    boolean flexible = ApiKeys.DELETE_GROUPS.isFlexible(version);
    writer.writeInt32(0);
    writer.writeArray(
        results,
        flexible,
        (w, r) -> {
          w.writeString(r.groupId(), flexible).writeInt16(r.errorCode());
          writeTags(w, flexible);
        });
    writeTags(writer, flexible);
  }

  private static void check(short version) {
    if (!ApiKeys.DELETE_GROUPS.isImplemented(version)) {
      throw new KafkaCodecException("unsupported DeleteGroups version " + version);
    }
  }
}
