package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.ApiKeys;
import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import io.duetmq.protocol.kafka.codec.ErrorCode;
import io.duetmq.protocol.kafka.codec.KafkaCodecException;
import io.duetmq.protocol.kafka.codec.KafkaReader;
import io.duetmq.protocol.kafka.codec.OffsetCommitResponse;
import io.duetmq.protocol.kafka.codec.OffsetDeleteCodec;
import io.duetmq.protocol.kafka.group.CommittedOffsets;
import io.duetmq.protocol.kafka.group.GroupCoordinator;
import io.duetmq.protocol.kafka.group.GroupSnapshot;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * OffsetDelete (key 47), v0 (reference §3.9): GROUP_ID_NOT_FOUND for a group with neither state nor
 * offsets; per partition GROUP_SUBSCRIBED_TO_TOPIC when a member of a "consumer" group subscribes
 * to the topic (read from the members' subscription metadata), else the offset is deleted.
 * Thread-safe.
 */
public final class OffsetDeleteHandler implements KafkaRequestHandler {
  private final GroupCoordinator coordinator;
  private final CommittedOffsets offsets;

  public OffsetDeleteHandler(GroupCoordinator coordinator, CommittedOffsets offsets) {
    this.coordinator = coordinator;
    this.offsets = offsets;
  }

  @Override
  public ApiVersionRange versions() {
    return ApiKeys.OFFSET_DELETE.implemented();
  }

  @Override
  public CompletableFuture<KafkaResponse> handle(KafkaRequest request) {
    OffsetDeleteCodec.Request decoded =
        OffsetDeleteCodec.decodeRequest(request.reader(), request.apiVersion());
    Optional<GroupSnapshot> group = coordinator.snapshot(decoded.groupId());
    List<OffsetCommitResponse.Topic> topics = new ArrayList<>();
    ErrorCode top = ErrorCode.NONE;
    if (group.isEmpty() && !offsets.hasOffsets(decoded.groupId())) {
      top = ErrorCode.GROUP_ID_NOT_FOUND;
    } else {
      Set<String> subscribed = group.map(OffsetDeleteHandler::subscribedTopics).orElse(Set.of());
      Map<String, List<Integer>> deleted = new HashMap<>();
      for (OffsetDeleteCodec.Topic topic : decoded.topics()) {
        ErrorCode error =
            subscribed.contains(topic.name())
                ? ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC
                : ErrorCode.NONE;
        if (error == ErrorCode.NONE) {
          deleted.computeIfAbsent(topic.name(), t -> new ArrayList<>()).addAll(topic.partitions());
        }
        topics.add(
            new OffsetCommitResponse.Topic(
                topic.name(),
                topic.partitions().stream()
                    .map(p -> new OffsetCommitResponse.Partition(p, error.code()))
                    .toList()));
      }
      if (!deleted.isEmpty()) {
        offsets.delete(decoded.groupId(), deleted);
      }
    }
    short errorCode = top.code();
    return CompletableFuture.completedFuture(
        KafkaResponse.message((w, v) -> OffsetDeleteCodec.encodeResponse(w, errorCode, topics, v)));
  }

  /** Topics named in the members' ConsumerProtocolSubscription (protocol type "consumer"). */
  static Set<String> subscribedTopics(GroupSnapshot group) {
    Set<String> topics = new HashSet<>();
    if (!group.protocolType().equals("consumer")) {
      return topics;
    }
    for (GroupSnapshot.Member member : group.members()) {
      ByteBuf buf = Unpooled.wrappedBuffer(member.metadata());
      try {
        KafkaReader reader = new KafkaReader(buf);
        if (reader.remaining() >= 2) {
          reader.readInt16(); // subscription version; every version starts with the topics
          topics.addAll(reader.readArray(false, r -> r.readString(false)));
        }
      } catch (KafkaCodecException e) {
        // unreadable metadata subscribes to nothing we can name
      } finally {
        buf.release();
      }
    }
    return topics;
  }
}
