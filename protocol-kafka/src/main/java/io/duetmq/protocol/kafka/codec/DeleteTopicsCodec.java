package io.duetmq.protocol.kafka.codec;

import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.skipTags;
import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.writeTags;

import java.util.List;

/**
 * Decodes DeleteTopics (key 20) requests and encodes responses, v1–6 (flexible from v4). Headers
 * are not included. Stateless and thread-safe.
 */
public final class DeleteTopicsCodec {
  private DeleteTopicsCodec() {}

  public static DeleteTopicsRequest decodeRequest(KafkaReader reader, short version) {
    checkVersion(version);
    boolean flexible = ApiKeys.DELETE_TOPICS.isFlexible(version);
    List<DeleteTopicsRequest.Topic> topics;
    if (version >= 6) {
      topics =
          reader.readArray(
              flexible,
              r -> {
                String name = r.readNullableString(flexible);
                var id = r.readUuid();
                skipTags(r, flexible);
                return new DeleteTopicsRequest.Topic(name, id);
              });
    } else {
      topics =
          reader.readArray(
              flexible,
              r ->
                  new DeleteTopicsRequest.Topic(
                      r.readString(flexible), MetadataResponse.ZERO_UUID));
    }
    int timeoutMs = reader.readInt32();
    skipTags(reader, flexible);
    return new DeleteTopicsRequest(topics, timeoutMs);
  }

  public static void encodeResponse(
      KafkaWriter writer, DeleteTopicsResponse response, short version) {
    checkVersion(version);
    boolean flexible = ApiKeys.DELETE_TOPICS.isFlexible(version);
    writer.writeInt32(response.throttleTimeMs());
    writer.writeArray(
        response.responses(),
        flexible,
        (w, r) -> {
          if (version >= 6) {
            w.writeNullableString(r.name(), flexible).writeUuid(r.topicId());
          } else {
            w.writeString(r.name(), flexible);
          }
          w.writeInt16(r.errorCode());
          if (version >= 5) {
            w.writeNullableString(r.errorMessage(), flexible);
          }
          writeTags(w, flexible);
        });
    writeTags(writer, flexible);
  }

  private static void checkVersion(short version) {
    if (!ApiKeys.DELETE_TOPICS.isImplemented(version)) {
      throw new KafkaCodecException("unsupported DeleteTopics version " + version);
    }
  }
}
