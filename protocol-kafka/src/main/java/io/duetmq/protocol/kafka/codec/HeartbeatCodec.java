package io.duetmq.protocol.kafka.codec;

import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.skipTags;
import static io.duetmq.protocol.kafka.codec.CreateTopicsCodec.writeTags;

/**
 * Decodes Heartbeat (key 12) requests and encodes responses, v0–4 (flexible from v4). The response
 * is only a throttle time (v1+) and an error code. Stateless and thread-safe.
 */
public final class HeartbeatCodec {
  private HeartbeatCodec() {}

  public static HeartbeatRequest decodeRequest(KafkaReader reader, short version) {
    check(version);
    boolean flexible = ApiKeys.HEARTBEAT.isFlexible(version);
    String groupId = reader.readString(flexible);
    int generation = reader.readInt32();
    String memberId = reader.readString(flexible);
    String instanceId = version >= 3 ? reader.readNullableString(flexible) : null;
    skipTags(reader, flexible);
    return new HeartbeatRequest(groupId, generation, memberId, instanceId);
  }

  public static void encodeResponse(KafkaWriter writer, short errorCode, short version) {
    check(version);
    if (version >= 1) {
      writer.writeInt32(0);
    }
    writer.writeInt16(errorCode);
    writeTags(writer, ApiKeys.HEARTBEAT.isFlexible(version));
  }

  private static void check(short version) {
    if (!ApiKeys.HEARTBEAT.isImplemented(version)) {
      throw new KafkaCodecException("unsupported Heartbeat version " + version);
    }
  }
}
