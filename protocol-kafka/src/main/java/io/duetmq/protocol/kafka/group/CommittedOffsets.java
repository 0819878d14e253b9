package io.duetmq.protocol.kafka.group;

import io.duetmq.protocol.kafka.codec.ErrorCode;
import io.duetmq.protocol.kafka.codec.OffsetCommitRequest;
import io.duetmq.protocol.kafka.codec.OffsetCommitResponse;
import io.duetmq.protocol.kafka.codec.OffsetFetchRequest;
import io.duetmq.protocol.kafka.codec.OffsetFetchResponse;
import io.duetmq.protocol.kafka.topic.KafkaTopicCatalog;
import io.duetmq.protocol.kafka.topic.TopicInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kafka's view of committed offsets: the offset itself lives in the shared {@link GroupOffsets}
 * store (durable, visible to RocketMQ groups of the same name); the commit's leader epoch and
 * metadata string are kept here in memory, and only reported while the stored offset is still the
 * one they were committed with (a RocketMQ commit or a restart makes them -1 / "").
 *
 * <p>Thread-safe. Never blocks: commits answer when the store's futures complete.
 */
public final class CommittedOffsets {
  private record Key(String group, String topic, int partition) {}

  private record Extra(long offset, int leaderEpoch, String metadata) {}

  private final GroupOffsets offsets;
  private final KafkaTopicCatalog catalog;
  private final int maxMetadataBytes;
  private final ConcurrentHashMap<Key, Extra> extras = new ConcurrentHashMap<>();

  public CommittedOffsets(GroupOffsets offsets, KafkaTopicCatalog catalog, int maxMetadataBytes) {
    this.offsets = Objects.requireNonNull(offsets, "offsets");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.maxMetadataBytes = maxMetadataBytes;
  }

  /** Commits every partition (already validated at group level); per-partition errors. */
  public CompletableFuture<List<OffsetCommitResponse.Topic>> commit(
      String group, List<OffsetCommitRequest.Topic> topics) {
    List<CompletableFuture<OffsetCommitResponse.Topic>> answers = new ArrayList<>();
    for (OffsetCommitRequest.Topic topic : topics) {
      Optional<TopicInfo> info = catalog.find(topic.name());
      List<CompletableFuture<OffsetCommitResponse.Partition>> partitions = new ArrayList<>();
      for (OffsetCommitRequest.Partition p : topic.partitions()) {
        partitions.add(commitOne(group, topic.name(), info, p));
      }
      answers.add(
          CompletableFuture.allOf(partitions.toArray(CompletableFuture[]::new))
              .thenApply(
                  v ->
                      new OffsetCommitResponse.Topic(
                          topic.name(),
                          partitions.stream().map(CompletableFuture::join).toList())));
    }
    return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
        .thenApply(v -> answers.stream().map(CompletableFuture::join).toList());
  }

  private CompletableFuture<OffsetCommitResponse.Partition> commitOne(
      String group, String topic, Optional<TopicInfo> info, OffsetCommitRequest.Partition p) {
    int index = p.partitionIndex();
    ErrorCode error = ErrorCode.NONE;
    if (info.isEmpty() || index < 0 || index >= info.get().partitions()) {
      error = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
    } else if (p.metadata() != null
        && p.metadata().getBytes(StandardCharsets.UTF_8).length > maxMetadataBytes) {
      error = ErrorCode.OFFSET_METADATA_TOO_LARGE;
    } else if (p.offset() < 0) {
      error = ErrorCode.INVALID_COMMIT_OFFSET_SIZE;
    }
    if (error != ErrorCode.NONE) {
      return CompletableFuture.completedFuture(
          new OffsetCommitResponse.Partition(index, error.code()));
    }
    extras.put(
        new Key(group, topic, index),
        new Extra(p.offset(), p.leaderEpoch(), p.metadata() == null ? "" : p.metadata()));
    return offsets
        .commit(group, topic, index, p.offset())
        .thenApply(
            stored ->
                new OffsetCommitResponse.Partition(
                    index, stored ? ErrorCode.NONE.code() : ErrorCode.UNKNOWN_SERVER_ERROR.code()));
  }

  /**
   * The committed positions of the given partitions (-1 when none), or of every committed partition
   * when {@code topics} is null.
   */
  public List<OffsetFetchResponse.Topic> fetch(
      String group, List<OffsetFetchRequest.Topic> topics) {
    List<OffsetFetchResponse.Topic> result = new ArrayList<>();
    if (topics == null) {
      offsets
          .queryAll(group)
          .forEach(
              (topic, partitions) -> {
                List<OffsetFetchResponse.Partition> list = new ArrayList<>();
                partitions.forEach(
                    (index, offset) -> list.add(position(group, topic, index, offset)));
                result.add(new OffsetFetchResponse.Topic(topic, list));
              });
      return result;
    }
    for (OffsetFetchRequest.Topic topic : topics) {
      List<OffsetFetchResponse.Partition> list = new ArrayList<>();
      for (int index : topic.partitionIndexes()) {
        long offset = offsets.query(group, topic.name(), index);
        list.add(position(group, topic.name(), index, offset));
      }
      result.add(new OffsetFetchResponse.Topic(topic.name(), list));
    }
    return result;
  }

  private OffsetFetchResponse.Partition position(
      String group, String topic, int index, long offset) {
    Extra extra = extras.get(new Key(group, topic, index));
    boolean current = extra != null && offset >= 0 && extra.offset() == offset;
    return new OffsetFetchResponse.Partition(
        index,
        offset,
        current ? extra.leaderEpoch() : -1,
        current ? extra.metadata() : "",
        ErrorCode.NONE.code());
  }

  /** True if the group has any committed offset. */
  public boolean hasOffsets(String group) {
    return !offsets.queryAll(group).isEmpty();
  }

  /** Groups with committed offsets in any catalog topic (Kafka and RocketMQ groups alike). */
  public TreeSet<String> groups() {
    TreeSet<String> all = new TreeSet<>();
    for (TopicInfo topic : catalog.all()) {
      all.addAll(offsets.groupsOf(topic.name()));
    }
    return all;
  }

  /** Forgets every offset of the group. */
  public void removeGroup(String group) {
    offsets.removeGroup(group);
    extras.keySet().removeIf(k -> k.group().equals(group));
  }

  /** Forgets the offsets of these partitions of the group. */
  public void delete(String group, Map<String, ? extends Collection<Integer>> partitions) {
    offsets.delete(group, partitions);
    extras
        .keySet()
        .removeIf(
            k ->
                k.group().equals(group)
                    && partitions.containsKey(k.topic())
                    && partitions.get(k.topic()).contains(k.partition()));
  }
}
