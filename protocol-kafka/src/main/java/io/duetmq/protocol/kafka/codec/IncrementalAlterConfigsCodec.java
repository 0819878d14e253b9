package io.duetmq.protocol.kafka.codec;

import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.skipTags;
import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.writeTags;

/**
 * Decodes IncrementalAlterConfigs (key 44) requests and encodes responses, v0–1 (flexible from v1).
 * Headers are not included. Stateless and thread-safe.
 */
public final class IncrementalAlterConfigsCodec {
  private IncrementalAlterConfigsCodec() {}

  public static IncrementalAlterConfigsRequest decodeRequest(KafkaReader reader, short version) {
    checkVersion(version);
    boolean flexible = ApiKeys.INCREMENTAL_ALTER_CONFIGS.isFlexible(version);
    var resources =
        reader.readArray(
            flexible,
            r -> {
              byte type = r.readInt8();
              String name = r.readString(flexible);
              var changes =
                  r.readArray(
                      flexible,
                      cr -> {
                        String key = cr.readString(flexible);
                        byte operation = cr.readInt8();
                        String value = cr.readNullableString(flexible);
                        skipTags(cr, flexible);
                        return new IncrementalAlterConfigsRequest.Change(key, operation, value);
                      });
              skipTags(r, flexible);
              return new IncrementalAlterConfigsRequest.Resource(type, name, changes);
            });
    boolean validateOnly = reader.readBoolean();
    skipTags(reader, flexible);
    return new IncrementalAlterConfigsRequest(resources, validateOnly);
  }

  public static void encodeResponse(
      KafkaWriter writer, IncrementalAlterConfigsResponse response, short version) {
    checkVersion(version);
    boolean flexible = ApiKeys.INCREMENTAL_ALTER_CONFIGS.isFlexible(version);
    writer.writeInt32(response.throttleTimeMs());
    writer.writeArray(
        response.responses(),
        flexible,
        (w, r) -> {
          w.writeInt16(r.errorCode()).writeNullableString(r.errorMessage(), flexible);
          w.writeInt8(r.resourceType()).writeString(r.resourceName(), flexible);
          writeTags(w, flexible);
        });
    writeTags(writer, flexible);
  }

  private static void checkVersion(short version) {
    if (!ApiKeys.INCREMENTAL_ALTER_CONFIGS.isImplemented(version)) {
      throw new KafkaCodecException("unsupported IncrementalAlterConfigs version " + version);
    }
  }
}
