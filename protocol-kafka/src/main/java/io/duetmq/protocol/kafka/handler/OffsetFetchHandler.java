package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.ApiKeys;
import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import io.duetmq.protocol.kafka.codec.ErrorCode;
import io.duetmq.protocol.kafka.codec.OffsetFetchCodec;
import io.duetmq.protocol.kafka.codec.OffsetFetchRequest;
import io.duetmq.protocol.kafka.codec.OffsetFetchResponse;
import io.duetmq.protocol.kafka.group.CommittedOffsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * OffsetFetch (key 9), v1–9 (reference §3.8): -1 for partitions without a commit, every committed
 * partition when topics is null, several groups from v8. An unknown group is not an error. Answers
 * from memory. Thread-safe.
 */
public final class OffsetFetchHandler implements KafkaRequestHandler {
  private final CommittedOffsets offsets;

  public OffsetFetchHandler(CommittedOffsets offsets) {
    this.offsets = offsets;
  }

  @Override
  public ApiVersionRange versions() {
    return ApiKeys.OFFSET_FETCH.implemented();
  }

  @Override
  public CompletableFuture<KafkaResponse> handle(KafkaRequest request) {
    OffsetFetchRequest decoded =
        OffsetFetchCodec.decodeRequest(request.reader(), request.apiVersion());
    List<OffsetFetchResponse.Group> groups = new ArrayList<>();
    for (OffsetFetchRequest.Group group : decoded.groups()) {
      groups.add(
          new OffsetFetchResponse.Group(
              group.groupId(),
              offsets.fetch(group.groupId(), group.topics()),
              ErrorCode.NONE.code()));
    }
    OffsetFetchResponse response = new OffsetFetchResponse(0, groups);
    return CompletableFuture.completedFuture(
        KafkaResponse.message((w, v) -> OffsetFetchCodec.encodeResponse(w, response, v)));
  }
}
