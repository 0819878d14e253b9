package io.duetmq.protocol.kafka.codec;

import java.util.List;

/**
 * Decodes OffsetDelete (key 47) requests and encodes responses, v0 only (never flexible). The
 * response reuses {@link OffsetCommitResponse.Topic} (same shape: name, partitions with an error
 * code). Stateless and thread-safe.
 */
public final class OffsetDeleteCodec {
  private OffsetDeleteCodec() {}

  /** The request: a group and the partitions whose offsets to delete. */
  public record Request(String groupId, List<Topic> topics) {
    public Request {
      topics = List.copyOf(topics);
    }
  }

  /** Partitions of one topic. */
  public record Topic(String name, List<Integer> partitions) {
    public Topic {
      partitions = List.copyOf(partitions);
    }
  }

  public static Request decodeRequest(KafkaReader reader, short version) {
    check(version);
    String groupId = reader.readString(false);
    List<Topic> topics =
        reader.readArray(
            false, r -> new Topic(r.readString(false), r.readArray(false, KafkaReader::readInt32)));
    return new Request(groupId, topics);
  }

  public static void encodeResponse(
      KafkaWriter writer, short errorCode, List<OffsetCommitResponse.Topic> topics, short version) {
    check(version);
    writer.writeInt16(errorCode).writeInt32(0);
    writer.writeArray(
        topics,
        false,
        (w, t) ->
            w.writeString(t.name(), false)
                .writeArray(
                    t.partitions(),
                    false,
                    (pw, p) -> pw.writeInt32(p.partitionIndex()).writeInt16(p.errorCode())));
  }

  private static void check(short version) {
    if (!ApiKeys.OFFSET_DELETE.isImplemented(version)) {
      throw new KafkaCodecException("unsupported OffsetDelete version " + version);
    }
  }
}
