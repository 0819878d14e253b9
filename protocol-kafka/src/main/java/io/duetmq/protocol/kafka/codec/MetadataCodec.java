package io.duetmq.protocol.kafka.codec;

import io.duetmq.protocol.kafka.codec.MetadataRequest.RequestTopic;
import io.duetmq.protocol.kafka.codec.MetadataResponse.Broker;
import io.duetmq.protocol.kafka.codec.MetadataResponse.Partition;
import io.duetmq.protocol.kafka.codec.MetadataResponse.Topic;
import java.util.List;
import java.util.UUID;

/**
 * Encodes and decodes Metadata (key 3) bodies, v0–13 (flexible from v9, topic ids from v10).
 * Request decoding and response encoding are what the broker uses; the other two directions exist
 * for tests and tools. Headers are not included.
 *
 * <p>Stateless and thread-safe.
 */
public final class MetadataCodec {
  private MetadataCodec() {}

  // ---- request ----

  public static MetadataRequest decodeRequest(KafkaReader reader, short version) {
    checkVersion(version);
    boolean flexible = ApiKeys.METADATA.isFlexible(version);
    List<RequestTopic> topics =
        reader.readNullableArray(
            flexible,
            r -> {
              UUID id = version >= 10 ? r.readUuid() : MetadataResponse.ZERO_UUID;
              String name = version >= 10 ? r.readNullableString(flexible) : r.readString(flexible);
              if (flexible) {
                r.skipTaggedFields();
              }
              return new RequestTopic(id, name);
            });
    if (topics == null && version == 0) {
      throw new KafkaCodecException("Metadata v0 topic array must not be null");
    }
    if (version == 0 && topics.isEmpty()) {
      topics = null; // v0: an empty array means "all topics"
    }
    boolean autoCreate = version < 4 || reader.readBoolean();
    boolean clusterOps = version >= 8 && version <= 10 && reader.readBoolean();
    boolean topicOps = version >= 8 && reader.readBoolean();
    if (flexible) {
      reader.skipTaggedFields();
    }
    return new MetadataRequest(topics, autoCreate, clusterOps, topicOps);
  }

  public static void encodeRequest(KafkaWriter writer, MetadataRequest request, short version) {
    checkVersion(version);
    boolean flexible = ApiKeys.METADATA.isFlexible(version);
    List<RequestTopic> topics = request.topics();
    if (version == 0) {
      if (topics != null && topics.isEmpty()) {
        throw new KafkaCodecException("Metadata v0 cannot ask for no topics");
      }
      topics = topics == null ? List.of() : topics;
    }
    writer.writeNullableArray(
        topics,
        flexible,
        (w, t) -> {
          if (version >= 10) {
            w.writeUuid(t.topicId()).writeNullableString(t.name(), flexible);
          } else {
            w.writeString(t.name(), flexible);
          }
          if (flexible) {
            w.writeEmptyTaggedFields();
          }
        });
    if (version >= 4) {
      writer.writeBoolean(request.allowAutoTopicCreation());
    }
    if (version >= 8 && version <= 10) {
      writer.writeBoolean(request.includeClusterAuthorizedOperations());
    }
    if (version >= 8) {
      writer.writeBoolean(request.includeTopicAuthorizedOperations());
    }
    if (flexible) {
      writer.writeEmptyTaggedFields();
    }
  }

  // ---- response ----

  public static void encodeResponse(KafkaWriter writer, MetadataResponse response, short version) {
    checkVersion(version);
    boolean flexible = ApiKeys.METADATA.isFlexible(version);
    if (version >= 3) {
      writer.writeInt32(response.throttleTimeMs());
    }
    writer.writeArray(response.brokers(), flexible, (w, b) -> encodeBroker(w, b, version));
    if (version >= 2) {
      writer.writeNullableString(response.clusterId(), flexible);
    }
    if (version >= 1) {
      writer.writeInt32(response.controllerId());
    }
    writer.writeArray(response.topics(), flexible, (w, t) -> encodeTopic(w, t, version));
    if (version >= 8 && version <= 10) {
      writer.writeInt32(response.clusterAuthorizedOperations());
    }
    if (version >= 13) {
      writer.writeInt16(response.errorCode());
    }
    if (flexible) {
      writer.writeEmptyTaggedFields();
    }
  }

  private static void encodeBroker(KafkaWriter w, Broker b, short version) {
    boolean flexible = ApiKeys.METADATA.isFlexible(version);
    w.writeInt32(b.nodeId()).writeString(b.host(), flexible).writeInt32(b.port());
    if (version >= 1) {
      w.writeNullableString(b.rack(), flexible);
    }
    if (flexible) {
      w.writeEmptyTaggedFields();
    }
  }

  private static void encodeTopic(KafkaWriter w, Topic t, short version) {
    boolean flexible = ApiKeys.METADATA.isFlexible(version);
    w.writeInt16(t.errorCode());
    if (version >= 12) {
      w.writeNullableString(t.name(), flexible);
    } else {
      w.writeString(t.name(), flexible);
    }
    if (version >= 10) {
      w.writeUuid(t.topicId());
    }
    if (version >= 1) {
      w.writeBoolean(t.isInternal());
    }
    w.writeArray(t.partitions(), flexible, (pw, p) -> encodePartition(pw, p, version));
    if (version >= 8) {
      w.writeInt32(t.topicAuthorizedOperations());
    }
    if (flexible) {
      w.writeEmptyTaggedFields();
    }
  }

  private static void encodePartition(KafkaWriter w, Partition p, short version) {
    boolean flexible = ApiKeys.METADATA.isFlexible(version);
    w.writeInt16(p.errorCode()).writeInt32(p.partitionIndex()).writeInt32(p.leaderId());
    if (version >= 7) {
      w.writeInt32(p.leaderEpoch());
    }
    w.writeInt32Array(p.replicaNodes(), flexible).writeInt32Array(p.isrNodes(), flexible);
    if (version >= 5) {
      w.writeInt32Array(p.offlineReplicas(), flexible);
    }
    if (flexible) {
      w.writeEmptyTaggedFields();
    }
  }

  public static MetadataResponse decodeResponse(KafkaReader reader, short version) {
    checkVersion(version);
    boolean flexible = ApiKeys.METADATA.isFlexible(version);
    int throttle = version >= 3 ? reader.readInt32() : 0;
    List<Broker> brokers = reader.readArray(flexible, r -> decodeBroker(r, version));
    String clusterId = version >= 2 ? reader.readNullableString(flexible) : null;
    int controllerId = version >= 1 ? reader.readInt32() : -1;
    List<Topic> topics = reader.readArray(flexible, r -> decodeTopic(r, version));
    int clusterOps =
        version >= 8 && version <= 10 ? reader.readInt32() : MetadataResponse.OPERATIONS_OMITTED;
    short errorCode = version >= 13 ? reader.readInt16() : 0;
    if (flexible) {
      reader.skipTaggedFields();
    }
    return new MetadataResponse(
        throttle, brokers, clusterId, controllerId, topics, clusterOps, errorCode);
  }

  private static Broker decodeBroker(KafkaReader r, short version) {
    boolean flexible = ApiKeys.METADATA.isFlexible(version);
    int nodeId = r.readInt32();
    String host = r.readString(flexible);
    int port = r.readInt32();
    String rack = version >= 1 ? r.readNullableString(flexible) : null;
    if (flexible) {
      r.skipTaggedFields();
    }
    return new Broker(nodeId, host, port, rack);
  }

  private static Topic decodeTopic(KafkaReader r, short version) {
    boolean flexible = ApiKeys.METADATA.isFlexible(version);
    short errorCode = r.readInt16();
    String name = version >= 12 ? r.readNullableString(flexible) : r.readString(flexible);
    UUID id = version >= 10 ? r.readUuid() : MetadataResponse.ZERO_UUID;
    boolean internal = version >= 1 && r.readBoolean();
    List<Partition> partitions = r.readArray(flexible, pr -> decodePartition(pr, version));
    int ops = version >= 8 ? r.readInt32() : MetadataResponse.OPERATIONS_OMITTED;
    if (flexible) {
      r.skipTaggedFields();
    }
    return new Topic(errorCode, name, id, internal, partitions, ops);
  }

  private static Partition decodePartition(KafkaReader r, short version) {
    boolean flexible = ApiKeys.METADATA.isFlexible(version);
    short errorCode = r.readInt16();
    int index = r.readInt32();
    int leader = r.readInt32();
    int epoch = version >= 7 ? r.readInt32() : -1;
    List<Integer> replicas = r.readArray(flexible, KafkaReader::readInt32);
    List<Integer> isr = r.readArray(flexible, KafkaReader::readInt32);
    List<Integer> offline =
        version >= 5 ? r.readArray(flexible, KafkaReader::readInt32) : List.of();
    if (flexible) {
      r.skipTaggedFields();
    }
    return new Partition(errorCode, index, leader, epoch, replicas, isr, offline);
  }

  private static void checkVersion(short version) {
    if (!ApiKeys.METADATA.isImplemented(version)) {
      throw new KafkaCodecException("unsupported Metadata version " + version);
    }
  }
}
