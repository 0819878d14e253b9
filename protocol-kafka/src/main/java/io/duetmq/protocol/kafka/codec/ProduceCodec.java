package io.duetmq.protocol.kafka.codec;

import io.duetmq.protocol.kafka.codec.ProduceRequest.PartitionData;
import io.duetmq.protocol.kafka.codec.ProduceRequest.TopicData;
import io.duetmq.protocol.kafka.codec.ProduceResponse.PartitionResponse;
import io.duetmq.protocol.kafka.codec.ProduceResponse.TopicResponse;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Encodes and decodes Produce (key 0) bodies, v3–13 (flexible from v9, topic ids instead of names
 * from v13). Request decoding and response encoding are what the broker uses; request encoding
 * exists for tests and tools. Headers are not included.
 *
 * <p>Decoding never copies or parses records: each partition's records become a retained slice of
 * the reader's buffer (see {@link ProduceRequest} for who releases them). If decoding fails, every
 * slice retained so far is released before the {@link KafkaCodecException} propagates.
 *
 * <p>Stateless and thread-safe.
 */
public final class ProduceCodec {
  private static final int TAG_CURRENT_LEADER = 0;
  private static final int TAG_NODE_ENDPOINTS = 0;

  private ProduceCodec() {}

  // ---- request ----

  public static ProduceRequest decodeRequest(KafkaReader reader, short version) {
    checkVersion(version);
    boolean flexible = ApiKeys.PRODUCE.isFlexible(version);
    List<ByteBuf> retained = new ArrayList<>();
    try {
      String transactionalId = reader.readNullableString(flexible);
      short acks = reader.readInt16();
      int timeoutMs = reader.readInt32();
      List<TopicData> topics =
          reader.readArray(flexible, r -> decodeTopic(r, version, flexible, retained));
      if (flexible) {
        reader.skipTaggedFields();
      }
      return new ProduceRequest(transactionalId, acks, timeoutMs, topics);
    } catch (RuntimeException e) {
      retained.forEach(ByteBuf::release);
      throw e;
    }
  }

  private static TopicData decodeTopic(
      KafkaReader r, short version, boolean flexible, List<ByteBuf> retained) {
    String name = version <= 12 ? r.readString(flexible) : null;
    UUID topicId = version >= 13 ? r.readUuid() : MetadataResponse.ZERO_UUID;
    List<PartitionData> partitions =
        r.readArray(
            flexible,
            pr -> {
              int index = pr.readInt32();
              ByteBuf records = pr.readNullableRetainedSlice(flexible);
              if (records != null) {
                retained.add(records);
              }
              if (flexible) {
                pr.skipTaggedFields();
              }
              return new PartitionData(index, records);
            });
    if (flexible) {
      r.skipTaggedFields();
    }
    return new TopicData(name, topicId, partitions);
  }

  /** Writes a request; records are copied (tests and tools only). */
  public static void encodeRequest(KafkaWriter writer, ProduceRequest request, short version) {
    checkVersion(version);
    boolean flexible = ApiKeys.PRODUCE.isFlexible(version);
    writer.writeNullableString(request.transactionalId(), flexible);
    writer.writeInt16(request.acks()).writeInt32(request.timeoutMs());
    writer.writeArray(
        request.topics(),
        flexible,
        (w, t) -> {
          writeTopicKey(w, t.name(), t.topicId(), version, flexible);
          w.writeArray(
              t.partitions(),
              flexible,
              (pw, p) -> {
                pw.writeInt32(p.index()).writeNullableBytes(p.records(), flexible);
                if (flexible) {
                  pw.writeEmptyTaggedFields();
                }
              });
          if (flexible) {
            w.writeEmptyTaggedFields();
          }
        });
    if (flexible) {
      writer.writeEmptyTaggedFields();
    }
  }

  // ---- response ----

  public static void encodeResponse(KafkaWriter writer, ProduceResponse response, short version) {
    checkVersion(version);
    boolean flexible = ApiKeys.PRODUCE.isFlexible(version);
    writer.writeArray(
        response.topics(),
        flexible,
        (w, t) -> {
          encodeTopic(w, t, version, flexible);
        });
    writer.writeInt32(response.throttleTimeMs());
    if (flexible) {
      if (version >= 10 && !response.nodeEndpoints().isEmpty()) {
        writer.writeTaggedFields(
            List.of(
                RawTaggedField.encode(
                    TAG_NODE_ENDPOINTS,
                    w -> NodeEndpoint.encodeArray(w, response.nodeEndpoints()))));
      } else {
        writer.writeEmptyTaggedFields();
      }
    }
  }

  private static void encodeTopic(KafkaWriter w, TopicResponse t, short version, boolean flexible) {
    writeTopicKey(w, t.name(), t.topicId(), version, flexible);
    w.writeArray(t.partitions(), flexible, (pw, p) -> encodePartition(pw, p, version, flexible));
    if (flexible) {
      w.writeEmptyTaggedFields();
    }
  }

  private static void encodePartition(
      KafkaWriter w, PartitionResponse p, short version, boolean flexible) {
    w.writeInt32(p.index()).writeInt16(p.errorCode()).writeInt64(p.baseOffset());
    w.writeInt64(p.logAppendTimeMs());
    if (version >= 5) {
      w.writeInt64(p.logStartOffset());
    }
    if (version >= 8) {
      w.writeArray(
          p.recordErrors(),
          flexible,
          (ew, e) -> {
            ew.writeInt32(e.batchIndex()).writeNullableString(e.message(), flexible);
            if (flexible) {
              ew.writeEmptyTaggedFields();
            }
          });
      w.writeNullableString(p.errorMessage(), flexible);
    }
    if (flexible) {
      if (version >= 10 && p.currentLeader() != null) {
        w.writeTaggedFields(
            List.of(
                RawTaggedField.encode(
                    TAG_CURRENT_LEADER, lw -> LeaderIdAndEpoch.encode(lw, p.currentLeader()))));
      } else {
        w.writeEmptyTaggedFields();
      }
    }
  }

  private static void writeTopicKey(
      KafkaWriter w, String name, UUID topicId, short version, boolean flexible) {
    if (version >= 13) {
      w.writeUuid(topicId);
    } else {
      w.writeString(name, flexible);
    }
  }

  private static void checkVersion(short version) {
    if (!ApiKeys.PRODUCE.isImplemented(version)) {
      throw new KafkaCodecException("unsupported Produce version " + version);
    }
  }
}
