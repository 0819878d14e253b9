package io.duetmq.protocol.kafka.codec;

import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.skipTags;
import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.writeTags;

/**
 * Decodes OffsetCommit (key 8) requests and encodes responses, v2–9 (flexible from v8). Stateless
 * and thread-safe.
 */
public final class OffsetCommitCodec {
  private OffsetCommitCodec() {}

  public static OffsetCommitRequest decodeRequest(KafkaReader reader, short version) {
    check(version);
    boolean flexible = ApiKeys.OFFSET_COMMIT.isFlexible(version);
    String groupId = reader.readString(flexible);
    int generation = reader.readInt32();
    String memberId = reader.readString(flexible);
    String instanceId = version >= 7 ? reader.readNullableString(flexible) : null;
    long retention = version <= 4 ? reader.readInt64() : -1;
    var topics =
        reader.readArray(
            flexible,
            r -> {
              String name = r.readString(flexible);
              var partitions =
                  r.readArray(
                      flexible,
                      p -> {
                        int index = p.readInt32();
                        long offset = p.readInt64();
                        int epoch = version >= 6 ? p.readInt32() : -1;
                        String metadata = p.readNullableString(flexible);
                        skipTags(p, flexible);
                        return new OffsetCommitRequest.Partition(index, offset, epoch, metadata);
                      });
              skipTags(r, flexible);
              return new OffsetCommitRequest.Topic(name, partitions);
            });
    skipTags(reader, flexible);
    return new OffsetCommitRequest(groupId, generation, memberId, instanceId, retention, topics);
  }

  public static void encodeResponse(
      KafkaWriter writer, OffsetCommitResponse response, short version) {
    check(version);
    boolean flexible = ApiKeys.OFFSET_COMMIT.isFlexible(version);
    if (version >= 3) {
      writer.writeInt32(response.throttleTimeMs());
    }
    writer.writeArray(
        response.topics(),
        flexible,
        (w, t) -> {
          w.writeString(t.name(), flexible);
          w.writeArray(
              t.partitions(),
              flexible,
              (pw, p) -> {
                pw.writeInt32(p.partitionIndex()).writeInt16(p.errorCode());
                writeTags(pw, flexible);
              });
          writeTags(w, flexible);
        });
    writeTags(writer, flexible);
  }

  private static void check(short version) {
    if (!ApiKeys.OFFSET_COMMIT.isImplemented(version)) {
      throw new KafkaCodecException("unsupported OffsetCommit version " + version);
    }
  }
}
