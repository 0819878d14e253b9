package io.duetmq.protocol.kafka.codec;

import io.duetmq.protocol.kafka.codec.FetchRequest.FetchPartition;
import io.duetmq.protocol.kafka.codec.FetchRequest.FetchTopic;
import io.duetmq.protocol.kafka.codec.FetchRequest.ForgottenTopic;
import io.duetmq.protocol.kafka.codec.FetchResponse.PartitionData;
import io.duetmq.protocol.kafka.codec.FetchResponse.TopicData;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Decodes Fetch (key 1) requests and encodes Fetch responses, v4–18 (flexible from v12, topic ids
 * instead of names from v13, {@code ReplicaState} tagged from v15, {@code NodeEndpoints} from v16).
 * Headers are not included.
 *
 * <p>Responses are encoded without copying records: every fixed-size field goes into one buffer
 * from the allocator, and the result is a {@link CompositeByteBuf} that interleaves slices of that
 * buffer with the records buffers themselves, each preceded by its length prefix. The server writes
 * it as the {@code Encoded} body of a response; with direct or file-backed slices the records reach
 * the socket without passing through the heap.
 *
 * <p>Stateless and thread-safe.
 */
public final class FetchCodec {
  private static final int TAG_CLUSTER_ID = 0;
  private static final int TAG_REPLICA_STATE = 1;
  private static final int TAG_REPLICA_DIRECTORY_ID = 0;
  private static final int TAG_HIGH_WATERMARK = 1;
  private static final int TAG_DIVERGING_EPOCH = 0;
  private static final int TAG_CURRENT_LEADER = 1;
  private static final int TAG_NODE_ENDPOINTS = 0;

  private FetchCodec() {}

  // ---- request ----

  /** Tagged top-level fields, collected while reading. */
  private static final class TopLevelTags {
    String clusterId;
    int replicaId = -1;
    long replicaEpoch = -1;
  }

  public static FetchRequest decodeRequest(KafkaReader reader, short version) {
    checkVersion(version);
    boolean flexible = ApiKeys.FETCH.isFlexible(version);
    TopLevelTags tags = new TopLevelTags();
    int replicaId = version <= 14 ? reader.readInt32() : -1;
    int maxWaitMs = reader.readInt32();
    int minBytes = reader.readInt32();
    int maxBytes = reader.readInt32();
    byte isolationLevel = reader.readInt8();
    int sessionId = version >= 7 ? reader.readInt32() : 0;
    int sessionEpoch = version >= 7 ? reader.readInt32() : -1;
    List<FetchTopic> topics = reader.readArray(flexible, r -> decodeTopic(r, version, flexible));
    List<ForgottenTopic> forgotten =
        version >= 7
            ? reader.readArray(flexible, r -> decodeForgotten(r, version, flexible))
            : null;
    String rackId = version >= 11 ? reader.readString(flexible) : "";
    if (flexible) {
      reader.readTaggedFields(
          (tag, field) -> {
            if (tag == TAG_CLUSTER_ID) {
              tags.clusterId = field.readNullableString(true);
            } else if (tag == TAG_REPLICA_STATE && version >= 15) {
              tags.replicaId = field.readInt32();
              tags.replicaEpoch = field.readInt64();
              field.skipTaggedFields();
            }
          });
    }
    return new FetchRequest(
        tags.clusterId,
        version <= 14 ? replicaId : tags.replicaId,
        tags.replicaEpoch,
        maxWaitMs,
        minBytes,
        maxBytes,
        isolationLevel,
        sessionId,
        sessionEpoch,
        topics,
        forgotten == null ? List.of() : forgotten,
        rackId);
  }

  private static FetchTopic decodeTopic(KafkaReader r, short version, boolean flexible) {
    String name = version <= 12 ? r.readString(flexible) : null;
    UUID topicId = version >= 13 ? r.readUuid() : MetadataResponse.ZERO_UUID;
    List<FetchPartition> partitions =
        r.readArray(flexible, pr -> decodePartition(pr, version, flexible));
    if (flexible) {
      r.skipTaggedFields();
    }
    return new FetchTopic(name, topicId, partitions);
  }

  private static FetchPartition decodePartition(KafkaReader r, short version, boolean flexible) {
    int partition = r.readInt32();
    int currentLeaderEpoch = version >= 9 ? r.readInt32() : -1;
    long fetchOffset = r.readInt64();
    int lastFetchedEpoch = version >= 12 ? r.readInt32() : -1;
    long logStartOffset = version >= 5 ? r.readInt64() : -1;
    int partitionMaxBytes = r.readInt32();
    UUID[] directoryId = {MetadataResponse.ZERO_UUID};
    long[] highWatermark = {Long.MAX_VALUE};
    if (flexible) {
      r.readTaggedFields(
          (tag, field) -> {
            if (tag == TAG_REPLICA_DIRECTORY_ID && version >= 17) {
              directoryId[0] = field.readUuid();
            } else if (tag == TAG_HIGH_WATERMARK && version >= 18) {
              highWatermark[0] = field.readInt64();
            }
          });
    }
    return new FetchPartition(
        partition,
        currentLeaderEpoch,
        fetchOffset,
        lastFetchedEpoch,
        logStartOffset,
        partitionMaxBytes,
        directoryId[0],
        highWatermark[0]);
  }

  private static ForgottenTopic decodeForgotten(KafkaReader r, short version, boolean flexible) {
    String name = version <= 12 ? r.readString(flexible) : null;
    UUID topicId = version >= 13 ? r.readUuid() : MetadataResponse.ZERO_UUID;
    List<Integer> partitions = r.readArray(flexible, KafkaReader::readInt32);
    if (flexible) {
      r.skipTaggedFields();
    }
    return new ForgottenTopic(name, topicId, partitions);
  }

  // ---- response ----

  /**
   * Encodes {@code response} as a composite buffer without copying any records buffer.
   *
   * <p>Ownership: the records buffers of {@code response} pass into the result (also when this
   * throws: then they are released). The caller owns the returned buffer — normally it hands it to
   * {@code KafkaResponse.encoded(...)}, after which the server releases it.
   *
   * @throws KafkaCodecException if a value cannot be encoded in {@code version} (e.g. a null topic
   *     name before v13); all buffers are released
   */
  public static ByteBuf encodeResponse(
      ByteBufAllocator alloc, FetchResponse response, short version) {
    ByteBuf fixed = alloc.buffer();
    RecordsSplicer splicer = new RecordsSplicer(fixed);
    try {
      checkVersion(version);
      writeResponse(new KafkaWriter(fixed), splicer, response, version);
    } catch (RuntimeException e) {
      fixed.release();
      response.release();
      throw e;
    }
    return splicer.assemble(alloc);
  }

  private static void writeResponse(
      KafkaWriter w, RecordsSplicer splicer, FetchResponse response, short version) {
    boolean flexible = ApiKeys.FETCH.isFlexible(version);
    w.writeInt32(response.throttleTimeMs());
    if (version >= 7) {
      w.writeInt16(response.errorCode()).writeInt32(response.sessionId());
    }
    w.writeArray(
        response.responses(),
        flexible,
        (tw, t) -> {
          writeTopic(tw, splicer, t, version, flexible);
        });
    if (flexible) {
      if (version >= 16 && !response.nodeEndpoints().isEmpty()) {
        w.writeTaggedFields(
            List.of(
                RawTaggedField.encode(
                    TAG_NODE_ENDPOINTS,
                    ew -> NodeEndpoint.encodeArray(ew, response.nodeEndpoints()))));
      } else {
        w.writeEmptyTaggedFields();
      }
    }
  }

  private static void writeTopic(
      KafkaWriter w, RecordsSplicer splicer, TopicData t, short version, boolean flexible) {
    if (version >= 13) {
      w.writeUuid(t.topicId());
    } else {
      w.writeString(t.topic(), flexible);
    }
    w.writeArray(
        t.partitions(), flexible, (pw, p) -> writePartition(pw, splicer, p, version, flexible));
    if (flexible) {
      w.writeEmptyTaggedFields();
    }
  }

  private static void writePartition(
      KafkaWriter w, RecordsSplicer splicer, PartitionData p, short version, boolean flexible) {
    w.writeInt32(p.partitionIndex()).writeInt16(p.errorCode()).writeInt64(p.highWatermark());
    w.writeInt64(p.lastStableOffset());
    if (version >= 5) {
      w.writeInt64(p.logStartOffset());
    }
    w.writeNullableArray(
        p.abortedTransactions(),
        flexible,
        (aw, a) -> {
          aw.writeInt64(a.producerId()).writeInt64(a.firstOffset());
          if (flexible) {
            aw.writeEmptyTaggedFields();
          }
        });
    if (version >= 11) {
      w.writeInt32(p.preferredReadReplica());
    }
    splicer.records(w, p.records(), p.recordsSize(), flexible);
    if (flexible) {
      w.writeTaggedFields(partitionTags(p));
    }
  }

  private static List<RawTaggedField> partitionTags(PartitionData p) {
    if (p.divergingEpoch() == null && p.currentLeader() == null) {
      return List.of();
    }
    List<RawTaggedField> tags = new ArrayList<>(2);
    if (p.divergingEpoch() != null) {
      tags.add(
          RawTaggedField.encode(
              TAG_DIVERGING_EPOCH,
              tw ->
                  tw.writeInt32(p.divergingEpoch().epoch())
                      .writeInt64(p.divergingEpoch().endOffset())
                      .writeEmptyTaggedFields()));
    }
    if (p.currentLeader() != null) {
      tags.add(
          RawTaggedField.encode(
              TAG_CURRENT_LEADER, tw -> LeaderIdAndEpoch.encode(tw, p.currentLeader())));
    }
    return tags;
  }

  private static void checkVersion(short version) {
    if (!ApiKeys.FETCH.isImplemented(version)) {
      throw new KafkaCodecException("unsupported Fetch version " + version);
    }
  }
}
