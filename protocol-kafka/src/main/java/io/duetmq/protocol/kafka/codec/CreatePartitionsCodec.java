package io.duetmq.protocol.kafka.codec;

import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.skipTags;
import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.writeTags;

/**
 * Decodes CreatePartitions (key 37) requests and encodes responses, v0–3 (flexible from v2).
 * Headers are not included. Stateless and thread-safe.
 */
public final class CreatePartitionsCodec {
  private CreatePartitionsCodec() {}

  public static CreatePartitionsRequest decodeRequest(KafkaReader reader, short version) {
    checkVersion(version);
    boolean flexible = ApiKeys.CREATE_PARTITIONS.isFlexible(version);
    var topics =
        reader.readArray(
            flexible,
            r -> {
              String name = r.readString(flexible);
              int count = r.readInt32();
              var assignments =
                  r.readNullableArray(
                      flexible,
                      ar -> {
                        var brokers = ar.readArray(flexible, KafkaReader::readInt32);
                        skipTags(ar, flexible);
                        return brokers;
                      });
              skipTags(r, flexible);
              return new CreatePartitionsRequest.Topic(name, count, assignments);
            });
    int timeoutMs = reader.readInt32();
    boolean validateOnly = reader.readBoolean();
    skipTags(reader, flexible);
    return new CreatePartitionsRequest(topics, timeoutMs, validateOnly);
  }

  public static void encodeResponse(
      KafkaWriter writer, CreatePartitionsResponse response, short version) {
    checkVersion(version);
    boolean flexible = ApiKeys.CREATE_PARTITIONS.isFlexible(version);
    writer.writeInt32(response.throttleTimeMs());
    writer.writeArray(
        response.results(),
        flexible,
        (w, r) -> {
          w.writeString(r.name(), flexible).writeInt16(r.errorCode());
          w.writeNullableString(r.errorMessage(), flexible);
          writeTags(w, flexible);
        });
    writeTags(writer, flexible);
  }

  private static void checkVersion(short version) {
    if (!ApiKeys.CREATE_PARTITIONS.isImplemented(version)) {
      throw new KafkaCodecException("unsupported CreatePartitions version " + version);
    }
  }
}
