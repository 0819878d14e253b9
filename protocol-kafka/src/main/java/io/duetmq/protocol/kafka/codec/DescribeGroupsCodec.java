package io.duetmq.protocol.kafka.codec;

import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.skipTags;
import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.writeTags;

import java.util.List;

/**
 * Decodes DescribeGroups (key 15) requests and encodes responses, v0–6 (flexible from v5).
 * Stateless and thread-safe.
 */
public final class DescribeGroupsCodec {
  private DescribeGroupsCodec() {}

  public static DescribeGroupsRequest decodeRequest(KafkaReader reader, short version) {
    check(version);
    boolean flexible = ApiKeys.DESCRIBE_GROUPS.isFlexible(version);
    List<String> groups = reader.readArray(flexible, r -> r.readString(flexible));
    boolean includeOps = version >= 3 && reader.readBoolean();
    skipTags(reader, flexible);
    return new DescribeGroupsRequest(groups, includeOps);
  }

  public static void encodeResponse(
      KafkaWriter writer, DescribeGroupsResponse response, short version) {
    check(version);
    boolean flexible = ApiKeys.DESCRIBE_GROUPS.isFlexible(version);
    if (version >= 1) {
      writer.writeInt32(response.throttleTimeMs());
    }
    writer.writeArray(
        response.groups(),
        flexible,
        (w, g) -> {
          w.writeInt16(g.errorCode());
          if (version >= 6) {
            w.writeNullableString(g.errorMessage(), flexible);
          }
          w.writeString(g.groupId(), flexible)
              .writeString(g.groupState(), flexible)
              .writeString(g.protocolType(), flexible)
              .writeString(g.protocolData(), flexible);
          w.writeArray(
              g.members(),
              flexible,
              (mw, m) -> {
                mw.writeString(m.memberId(), flexible);
                if (version >= 4) {
                  mw.writeNullableString(m.groupInstanceId(), flexible);
                }
                mw.writeString(m.clientId(), flexible)
                    .writeString(m.clientHost(), flexible)
                    .writeBytes(m.memberMetadata(), flexible)
                    .writeBytes(m.memberAssignment(), flexible);
                writeTags(mw, flexible);
              });
          if (version >= 3) {
            w.writeInt32(g.authorizedOperations());
          }
          writeTags(w, flexible);
        });
    writeTags(writer, flexible);
  }

  private static void check(short version) {
    if (!ApiKeys.DESCRIBE_GROUPS.isImplemented(version)) {
      throw new KafkaCodecException("unsupported DescribeGroups version " + version);
    }
  }
}
