package io.duetmq.protocol.kafka.codec;

import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.skipTags;
import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.writeTags;

/**
 * Decodes DescribeConfigs (key 32) requests and encodes responses, v1–4 (flexible from v4). Headers
 * are not included. Stateless and thread-safe.
 */
public final class DescribeConfigsCodec {
  private DescribeConfigsCodec() {}

  public static DescribeConfigsRequest decodeRequest(KafkaReader reader, short version) {
    checkVersion(version);
    boolean flexible = ApiKeys.DESCRIBE_CONFIGS.isFlexible(version);
    var resources =
        reader.readArray(
            flexible,
            r -> {
              byte type = r.readInt8();
              String name = r.readString(flexible);
              var keys = r.readNullableArray(flexible, kr -> kr.readString(flexible));
              skipTags(r, flexible);
              return new DescribeConfigsRequest.Resource(type, name, keys);
            });
    boolean synonyms = reader.readBoolean();
    boolean documentation = version >= 3 && reader.readBoolean();
    skipTags(reader, flexible);
    return new DescribeConfigsRequest(resources, synonyms, documentation);
  }

  public static void encodeResponse(
      KafkaWriter writer, DescribeConfigsResponse response, short version) {
    checkVersion(version);
    boolean flexible = ApiKeys.DESCRIBE_CONFIGS.isFlexible(version);
    writer.writeInt32(response.throttleTimeMs());
    writer.writeArray(
        response.results(),
        flexible,
        (w, r) -> {
          w.writeInt16(r.errorCode()).writeNullableString(r.errorMessage(), flexible);
          w.writeInt8(r.resourceType()).writeString(r.resourceName(), flexible);
          w.writeArray(r.configs(), flexible, (cw, c) -> writeConfig(cw, c, version, flexible));
          writeTags(w, flexible);
        });
    writeTags(writer, flexible);
  }

  private static void writeConfig(
      KafkaWriter w, DescribeConfigsResponse.Config c, short version, boolean flexible) {
    w.writeString(c.name(), flexible).writeNullableString(c.value(), flexible);
    w.writeBoolean(c.readOnly()).writeInt8(c.configSource()).writeBoolean(c.isSensitive());
    w.writeArray(
        c.synonyms(),
        flexible,
        (sw, s) -> {
          sw.writeString(s.name(), flexible).writeNullableString(s.value(), flexible);
          sw.writeInt8(s.source());
          writeTags(sw, flexible);
        });
    if (version >= 3) {
      w.writeInt8(c.configType()).writeNullableString(c.documentation(), flexible);
    }
    writeTags(w, flexible);
  }

  private static void checkVersion(short version) {
    if (!ApiKeys.DESCRIBE_CONFIGS.isImplemented(version)) {
      throw new KafkaCodecException("unsupported DescribeConfigs version " + version);
    }
  }
}
