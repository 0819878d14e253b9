package io.duetmq.protocol.kafka.codec;

/**
 * Decodes CreateTopics (key 19) requests and encodes responses, v2–7 (flexible from v5). Headers
 * are not included. Stateless and thread-safe.
 */
public final class CreateTopicsCodec {
  private CreateTopicsCodec() {}

  public static CreateTopicsRequest decodeRequest(KafkaReader reader, short version) {
    checkVersion(version);
    boolean flexible = ApiKeys.CREATE_TOPICS.isFlexible(version);
    var topics =
        reader.readArray(
            flexible,
            r -> {
              String name = r.readString(flexible);
              int partitions = r.readInt32();
              short replication = r.readInt16();
              var assignments =
                  r.readArray(
                      flexible,
                      ar -> {
                        int index = ar.readInt32();
                        var brokers = ar.readArray(flexible, KafkaReader::readInt32);
                        skipTags(ar, flexible);
                        return new CreateTopicsRequest.Assignment(index, brokers);
                      });
              var configs =
                  r.readArray(
                      flexible,
                      cr -> {
                        String key = cr.readString(flexible);
                        String value = cr.readNullableString(flexible);
                        skipTags(cr, flexible);
                        return new CreateTopicsRequest.Config(key, value);
                      });
              skipTags(r, flexible);
              return new CreateTopicsRequest.Topic(
                  name, partitions, replication, assignments, configs);
            });
    int timeoutMs = reader.readInt32();
    boolean validateOnly = reader.readBoolean();
    skipTags(reader, flexible);
    return new CreateTopicsRequest(topics, timeoutMs, validateOnly);
  }

  public static void encodeResponse(
      KafkaWriter writer, CreateTopicsResponse response, short version) {
    checkVersion(version);
    boolean flexible = ApiKeys.CREATE_TOPICS.isFlexible(version);
    writer.writeInt32(response.throttleTimeMs());
    writer.writeArray(
        response.topics(),
        flexible,
        (w, t) -> {
          w.writeString(t.name(), flexible);
          if (version >= 7) {
            w.writeUuid(t.topicId());
          }
          w.writeInt16(t.errorCode()).writeNullableString(t.errorMessage(), flexible);
          if (version >= 5) {
            w.writeInt32(t.numPartitions()).writeInt16(t.replicationFactor());
            w.writeNullableArray(
                t.configs(),
                flexible,
                (cw, c) -> {
                  cw.writeString(c.name(), flexible).writeNullableString(c.value(), flexible);
                  cw.writeBoolean(c.readOnly()).writeInt8(c.configSource());
                  cw.writeBoolean(c.isSensitive());
                  writeTags(cw, flexible);
                });
          }
          writeTags(w, flexible);
        });
    writeTags(writer, flexible);
  }

  static void skipTags(KafkaReader r, boolean flexible) {
    if (flexible) {
      r.skipTaggedFields();
    }
  }

  static void writeTags(KafkaWriter w, boolean flexible) {
    if (flexible) {
      w.writeEmptyTaggedFields();
    }
  }

  private static void checkVersion(short version) {
    if (!ApiKeys.CREATE_TOPICS.isImplemented(version)) {
      throw new KafkaCodecException("unsupported CreateTopics version " + version);
    }
  }
}
