package io.duetmq.protocol.kafka.codec;

import java.util.List;

/**
 * Decodes ListOffsets (key 2) requests and encodes responses, v1–10 (flexible from v6). Request
 * encoding exists for tests and tools. Headers are not included.
 *
 * <p>Stateless and thread-safe.
 */
public final class ListOffsetsCodec {
  private ListOffsetsCodec() {}

  public static ListOffsetsRequest decodeRequest(KafkaReader reader, short version) {
    checkVersion(version);
    boolean flexible = ApiKeys.LIST_OFFSETS.isFlexible(version);
    int replicaId = reader.readInt32();
    byte isolationLevel = version >= 2 ? reader.readInt8() : 0;
    List<ListOffsetsRequest.Topic> topics =
        reader.readArray(
            flexible,
            r -> {
              String name = r.readString(flexible);
              List<ListOffsetsRequest.Partition> partitions =
                  r.readArray(
                      flexible,
                      pr -> {
                        int index = pr.readInt32();
                        int epoch = version >= 4 ? pr.readInt32() : -1;
                        long timestamp = pr.readInt64();
                        skipTags(pr, flexible);
                        return new ListOffsetsRequest.Partition(index, epoch, timestamp);
                      });
              skipTags(r, flexible);
              return new ListOffsetsRequest.Topic(name, partitions);
            });
    int timeoutMs = version >= 10 ? reader.readInt32() : 0;
    skipTags(reader, flexible);
    return new ListOffsetsRequest(replicaId, isolationLevel, topics, timeoutMs);
  }

  public static void encodeRequest(KafkaWriter writer, ListOffsetsRequest request, short version) {
    checkVersion(version);
    boolean flexible = ApiKeys.LIST_OFFSETS.isFlexible(version);
    writer.writeInt32(request.replicaId());
    if (version >= 2) {
      writer.writeInt8(request.isolationLevel());
    }
    writer.writeArray(
        request.topics(),
        flexible,
        (w, t) -> {
          w.writeString(t.name(), flexible);
          w.writeArray(
              t.partitions(),
              flexible,
              (pw, p) -> {
                pw.writeInt32(p.partitionIndex());
                if (version >= 4) {
                  pw.writeInt32(p.currentLeaderEpoch());
                }
                pw.writeInt64(p.timestamp());
                writeTags(pw, flexible);
              });
          writeTags(w, flexible);
        });
    if (version >= 10) {
      writer.writeInt32(request.timeoutMs());
    }
    writeTags(writer, flexible);
  }

  public static void encodeResponse(
      KafkaWriter writer, ListOffsetsResponse response, short version) {
    checkVersion(version);
    boolean flexible = ApiKeys.LIST_OFFSETS.isFlexible(version);
    if (version >= 2) {
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
                pw.writeInt64(p.timestamp()).writeInt64(p.offset());
                if (version >= 4) {
                  pw.writeInt32(p.leaderEpoch());
                }
                writeTags(pw, flexible);
              });
          writeTags(w, flexible);
        });
    writeTags(writer, flexible);
  }

  private static void skipTags(KafkaReader r, boolean flexible) {
    if (flexible) {
      r.skipTaggedFields();
    }
  }

  private static void writeTags(KafkaWriter w, boolean flexible) {
    if (flexible) {
      w.writeEmptyTaggedFields();
    }
  }

  private static void checkVersion(short version) {
    if (!ApiKeys.LIST_OFFSETS.isImplemented(version)) {
      throw new KafkaCodecException("unsupported ListOffsets version " + version);
    }
  }
}
