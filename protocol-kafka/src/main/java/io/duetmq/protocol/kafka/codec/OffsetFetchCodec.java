package io.duetmq.protocol.kafka.codec;

import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.skipTags;
import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.writeTags;

import java.util.List;

/**
 * Decodes OffsetFetch (key 9) requests and encodes responses, v1–9 (flexible from v6, several
 * groups from v8). Stateless and thread-safe.
 */
public final class OffsetFetchCodec {
  private OffsetFetchCodec() {}

  public static OffsetFetchRequest decodeRequest(KafkaReader reader, short version) {
    check(version);
    boolean flexible = ApiKeys.OFFSET_FETCH.isFlexible(version);
    List<OffsetFetchRequest.Group> groups;
    if (version <= 7) {
      String groupId = reader.readString(flexible);
      List<OffsetFetchRequest.Topic> topics =
          version >= 2
              ? reader.readNullableArray(flexible, r -> topic(r, flexible))
              : reader.readArray(flexible, r -> topic(r, flexible));
      groups = List.of(new OffsetFetchRequest.Group(groupId, null, -1, topics));
    } else {
      groups =
          reader.readArray(
              flexible,
              r -> {
                String groupId = r.readString(flexible);
                String memberId = version >= 9 ? r.readNullableString(flexible) : null;
                int epoch = version >= 9 ? r.readInt32() : -1;
                var topics = r.readNullableArray(flexible, t -> topic(t, flexible));
                skipTags(r, flexible);
                return new OffsetFetchRequest.Group(groupId, memberId, epoch, topics);
              });
    }
    boolean requireStable = version >= 7 && reader.readBoolean();
    skipTags(reader, flexible);
    return new OffsetFetchRequest(groups, requireStable);
  }

  private static OffsetFetchRequest.Topic topic(KafkaReader r, boolean flexible) {
    String name = r.readString(flexible);
    List<Integer> partitions = r.readArray(flexible, KafkaReader::readInt32);
    skipTags(r, flexible);
    return new OffsetFetchRequest.Topic(name, partitions);
  }

  public static void encodeResponse(
      KafkaWriter writer, OffsetFetchResponse response, short version) {
    check(version);
    boolean flexible = ApiKeys.OFFSET_FETCH.isFlexible(version);
    if (version >= 3) {
      writer.writeInt32(response.throttleTimeMs());
    }
    if (version <= 7) {
      OffsetFetchResponse.Group group = response.groups().get(0);
      writeTopics(writer, group.topics(), version, flexible);
      if (version >= 2) {
        writer.writeInt16(group.errorCode());
      }
    } else {
      writer.writeArray(
          response.groups(),
          flexible,
          (w, g) -> {
            w.writeString(g.groupId(), flexible);
            writeTopics(w, g.topics(), version, flexible);
            w.writeInt16(g.errorCode());
            writeTags(w, flexible);
          });
    }
    writeTags(writer, flexible);
  }

  private static void writeTopics(
      KafkaWriter writer, List<OffsetFetchResponse.Topic> topics, short version, boolean flexible) {
    writer.writeArray(
        topics,
        flexible,
        (w, t) -> {
          w.writeString(t.name(), flexible);
          w.writeArray(
              t.partitions(),
              flexible,
              (pw, p) -> {
                pw.writeInt32(p.partitionIndex()).writeInt64(p.offset());
                if (version >= 5) {
                  pw.writeInt32(p.leaderEpoch());
                }
                pw.writeNullableString(p.metadata(), flexible).writeInt16(p.errorCode());
                writeTags(pw, flexible);
              });
          writeTags(w, flexible);
        });
  }

  private static void check(short version) {
    if (!ApiKeys.OFFSET_FETCH.isImplemented(version)) {
      throw new KafkaCodecException("unsupported OffsetFetch version " + version);
    }
  }
}
